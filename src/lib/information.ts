/**
 * The vocabulary of the shared information register (tips passed between the two forces and the
 * suspicious objects they mention), shared by the server and the pages. Values here are the
 * allowlists: anything else coming from a request is rejected.
 */

/** What a report is about. */
export const REPORT_KINDS = [
  'boat',
  'vehicle',
  'porter_group',
  'warehouse',
  'crossing_point',
  'consignment',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Admiralty scale, source reliability: A completely reliable ... E unreliable, F cannot be judged. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

/** Admiralty scale, information credibility: 1 confirmed ... 5 improbable, 6 cannot be judged. */
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

/**
 * Who may see a report or object: the author's own force, both forces, or the named units listed
 * (the author's unit always among them).
 */
export const DISTRIBUTIONS = ['own_agency', 'both', 'units'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/**
 * Traffic Light Protocol 2.0 marking, carried by every report, page and export. TLP:RED is for
 * named recipients only, so it requires the `units` distribution.
 */
export const TLP = ['red', 'amber', 'green', 'clear'] as const;
export type Tlp = (typeof TLP)[number];

/** The distributions a marking allows. */
export const TLP_DISTRIBUTIONS: Record<Tlp, readonly Distribution[]> = {
  red: ['units'],
  amber: ['own_agency', 'both', 'units'],
  green: ['own_agency', 'both', 'units'],
  clear: ['own_agency', 'both', 'units'],
};

export const REPORT_STATUSES = ['open', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The receiving force's assessment of a report handed over to it. */
export const ASSESSMENTS = ['valuable', 'not_valuable', 'duplicate'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** Where a sighting of a suspicious object comes from. */
export const SIGHTING_SOURCES = ['report', 'seizure', 'seen'] as const;
export type SightingSource = (typeof SIGHTING_SOURCES)[number];

/** Named places a report may point at instead of drawn geometry: `layer:code`. */
export const PLACE_LAYERS = ['border_gates', 'trails', 'waterways'] as const;
export type PlaceLayer = (typeof PLACE_LAYERS)[number];
