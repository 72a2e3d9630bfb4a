/**
 * Files going up and down with visible progress: an import posted through XMLHttpRequest (whose
 * upload events fetch does not give) and an export read chunk by chunk from the response stream.
 */
import { ApiError } from '$lib/api';
import type { SeizureRecord } from './seizures-api';

export const PROBLEM_CODES = [
  'missing',
  'bad_date',
  'outside_area',
  'swapped_lon_lat',
  'unknown_category',
  'unknown_agency',
  'unknown_transport',
  'bad_number',
  'duplicate_case_ref',
  'bad_geometry',
] as const;

export interface ImportProblem {
  field: string;
  code: string;
  message: string;
}

export interface ImportReport {
  dry_run: boolean;
  filename: string;
  format: 'csv' | 'geojson';
  total: number;
  valid: number;
  inserted: number;
  rows: { line: number; case_ref: string | null; problems: ImportProblem[] }[];
  rows_truncated?: boolean;
  preview: SeizureRecord[];
}

/** The Content-Type the import endpoint reads a file as. */
export function importContentType(file: { name: string; type: string }): string {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv'
    ? 'text/csv'
    : 'application/geo+json';
}

/**
 * Posts a file to the import; `onprogress` gets the fraction sent (0..1). A 422 (a real import
 * with problems) resolves with its report, as a dry run does; other failures throw ApiError.
 */
export function uploadImport(
  file: File,
  dryRun: boolean,
  onprogress: (fraction: number) => void,
): Promise<{ status: number; report: ImportReport }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const qs = new URLSearchParams({ dry_run: String(dryRun), filename: file.name });
    xhr.open('POST', `/api/import/seizures?${qs}`);
    xhr.setRequestHeader('content-type', importContentType(file));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onprogress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onprogress(1);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'upload failed'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported below by status.
      }
      const report = body as ImportReport | null;
      if ((xhr.status < 300 || xhr.status === 422) && report && Array.isArray(report.rows)) {
        resolve({ status: xhr.status, report });
        return;
      }
      const err = (body as { error?: { code?: string; message?: string; details?: unknown } })
        ?.error;
      reject(
        new ApiError(
          xhr.status,
          err?.code ?? (xhr.status === 413 ? 'too_large' : 'http_error'),
          err?.message ?? `${xhr.status} ${xhr.statusText}`,
          err?.details as Record<string, unknown> | undefined,
        ),
      );
    };
    xhr.send(file);
  });
}

export const EXPORT_FORMATS = ['geojson', 'fgb', 'kml', 'csv', 'shp.zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface DownloadProgress {
  bytes: number;
  /** Rows the server said match (`X-Number-Matched`), when it said. */
  rows: number | null;
  /** The body's length when the server gave it. */
  total: number | null;
}

/** The file name of a `Content-Disposition: attachment; filename="..."` header. */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : null;
}

/** Downloads `url`, reporting bytes as they arrive; the body as a Blob and the server's name. */
export async function download(
  url: string,
  onprogress: (p: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; filename: string | null; rows: number | null }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `${response.status}`,
      body?.error?.details,
    );
  }
  const matched = response.headers.get('x-number-matched');
  const rows = matched !== null && matched !== '' ? Number(matched) : null;
  const length = response.headers.get('content-length');
  const total = length ? Number(length) : null;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  onprogress({ bytes, rows, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      onprogress({ bytes, rows, total });
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const blob = new Blob(chunks as BlobPart[], { type });
  return { blob, filename: attachmentName(response.headers.get('content-disposition')), rows };
}

/** Hands a Blob to the browser as a saved file. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
