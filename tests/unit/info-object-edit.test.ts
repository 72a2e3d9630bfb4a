import { describe, expect, it } from 'vitest';
import {
  objectChange,
  objectProblem,
  objectToDraft,
  unitLabel,
} from '../../src/lib/info-map/object-form';
import { seizureHref, type ObjectDetail, type UnitInfo } from '../../src/lib/info-map/objects-api';

/** The object register's edit form and the detail's names and links. */
const OBJECT: ObjectDetail = {
  id: 7,
  kind: 'boat',
  identifier: 'AG-12345',
  identifier_masked: 'AG-***45',
  description: 'Vỏ xanh, hai máy',
  province: 'an_giang',
  distribution: 'units',
  units: ['bp_vinh_xuong', 'hq_tinh_bien'],
  tlp: 'red',
  agency: 'border_guard',
  unit: 'bp_vinh_xuong',
  author: 'bg.analyst',
  version: 4,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-02T00:00:00Z',
  sightings_count: 0,
  last_seen_at: null,
  near_frontier: false,
  centroid: null,
  sightings: [],
  reports: [],
  seizures: [],
  can: { edit: true },
};

const UNITS: UnitInfo[] = [
  {
    id: 'bp_vinh_xuong',
    agency: 'border_guard',
    province: 'an_giang',
    name_vi: 'Đồn Biên phòng cửa khẩu quốc tế Vĩnh Xương',
    name_en: 'Vinh Xuong International Gate Border Guard Station',
  },
];

describe('editing an object', () => {
  it('fills the form from the object and sends it back with the version read', () => {
    const draft = objectToDraft(OBJECT);
    expect(draft).toEqual({
      kind: 'boat',
      identifier: 'AG-12345',
      description: 'Vỏ xanh, hai máy',
      province: 'an_giang',
      distribution: 'units',
      units: ['bp_vinh_xuong', 'hq_tinh_bien'],
      tlp: 'red',
    });
    draft.identifier = ' AG-12346 ';
    draft.description = '';
    expect(objectChange(draft, OBJECT, 4)).toEqual({
      kind: 'boat',
      identifier: 'AG-12346',
      description: '',
      province: 'an_giang',
      distribution: 'units',
      units: ['bp_vinh_xuong', 'hq_tinh_bien'],
      tlp: 'red',
      version: 4,
    });
    // The object's own list is not the form's: ticking a box leaves the object unchanged.
    draft.units.push('hq_chi_ma');
    expect(OBJECT.units).toEqual(['bp_vinh_xuong', 'hq_tinh_bien']);
  });

  it('leaves out what the editor sees masked, so the server keeps it', () => {
    const masked = { ...OBJECT, identifier: null, description: null };
    const draft = {
      ...objectToDraft(masked),
      distribution: 'both' as const,
      tlp: 'amber' as const,
    };
    expect(draft.identifier).toBe('');
    const change = objectChange(draft, masked, 5);
    expect(change).toEqual({
      kind: 'boat',
      province: 'an_giang',
      distribution: 'both',
      tlp: 'amber',
      version: 5,
    });
    expect(objectProblem(change)).toBeNull();
  });

  it('refuses an emptied identifier when the editor sees it', () => {
    const draft = { ...objectToDraft(OBJECT), identifier: '  ' };
    expect(objectProblem(objectChange(draft, OBJECT, 4))).toBe('objects.create.missing');
    const both = { ...objectToDraft(OBJECT), distribution: 'both' as const };
    expect(objectProblem(objectChange(both, OBJECT, 4))).toBe('objects.create.redNeedsUnits');
  });
});

describe('names and links in the object detail', () => {
  it('names a unit in the page language, its id when unknown', () => {
    expect(unitLabel('bp_vinh_xuong', UNITS, 'vi')).toBe(
      'Đồn Biên phòng cửa khẩu quốc tế Vĩnh Xương',
    );
    expect(unitLabel('bp_vinh_xuong', UNITS, 'en')).toBe(
      'Vinh Xuong International Gate Border Guard Station',
    );
    expect(unitLabel('hq_tinh_bien', UNITS, 'vi')).toBe('hq_tinh_bien');
  });

  it('links a seizure to its record on the data page, in the same language', () => {
    expect(seizureHref(42, 'vi', '/data')).toBe('/data?id=42');
    expect(seizureHref(42, 'en', '/base/data')).toBe('/base/data?id=42&lang=en');
  });
});
