import { describe, expect, it } from 'vitest';
import { maskIdentifier } from '../../src/lib/identifier-mask';

describe('masking a suspicious object identifier', () => {
  it('keeps the first 3 and last 2 characters of an identifier of 9 or more', () => {
    expect(maskIdentifier('51C-123.12')).toBe('51C•••12');
    expect(maskIdentifier('ABCDEFGHI')).toBe('ABC•••HI');
    // Code points, not UTF-16 units: Vietnamese letters count once.
    expect(maskIdentifier('Đồng Tháp 12')).toBe('Đồn•••12');
  });

  it('keeps only the first character of a short identifier, nothing of a tiny one', () => {
    expect(maskIdentifier('ABCDEFGH')).toBe('A•••');
    expect(maskIdentifier('  LS-99  ')).toBe('L•••');
    expect(maskIdentifier('AG-1')).toBe('A•••');
    expect(maskIdentifier('X1')).toBe('•••');
    expect(maskIdentifier('ABC')).toBe('•••');
  });
});
