// Builds geodata/*.geojson from Natural Earth's boundary and the control points in this file.
//
//   node geodata/authoring/build.mjs        (writes ../*.geojson and prints a summary)
//
// What is knowledge and what is construction (see ../README.md):
// - The frontier follows Natural Earth's 1:10m boundary (public domain, natural-earth.mjs),
//   smoothed, moved onto a few published positions (gates, border marker 314) and, between Tan
//   Thanh and Huu Nghi, run through those gates where Natural Earth contradicts them
//   (course.mjs). No bends are added: where the course is not known below a kilometre or two,
//   the line is smooth, and shorter than the demarcated line.
// - Everything else (rivers, canals, inland boundaries, coast, Phu Quoc, gate positions other
//   than the published ones) comes from control points placed by the project from general
//   geographic knowledge; no other third-party geometry was copied or traced.
// - Trails are representative lines placed at named crossing areas, not surveyed routes.
// The output is deterministic: the same file always produces the same GeoJSON.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accuracyProperties } from './accuracy.mjs';
import { buildCourse, clip, projectOnto } from './course.mjs';
import {
  catmullRom,
  chaikin,
  crossingPoints,
  crossings,
  distToLine,
  fractalize,
  haversine,
  lineLength,
  offset,
  plane,
  pointInRing,
  prng,
  ringAreaKm2,
  round5,
  selfIntersections,
  signedArea,
} from './geo.mjs';
import { distanceTo } from './measure.mjs';
import { sharedBoundary } from './natural-earth.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Rivers that are also boundaries (control points, north to south; smooth curves through them)
// ---------------------------------------------------------------------------------------------

const BINH_DI_BRANCH = [105.0885, 10.97]; // where the Binh Di leaves the Bassac, in Cambodia
const CHO_MOI_TIEN = [105.595, 10.452]; // Cho Moi / Lap Vo boundary on the Tien
const CHO_MOI_HAU = [105.462, 10.37]; // Cho Moi / Lap Vo boundary on the Hau
const CAN_THO_HAU = [105.51, 10.31]; // An Giang / Can Tho boundary on the Hau
const CHAU_DOC_MOUTH = [105.124, 10.708]; // Chau Doc river into the Hau at Chau Doc

const TIEN = [
  [105.236, 10.972],
  [105.221, 10.95],
  [105.203, 10.925], // near the border (where Natural Earth crosses it becomes the tripoint)
  [105.196, 10.9],
  [105.198, 10.875],
  [105.208, 10.85],
  [105.222, 10.826],
  [105.24, 10.806], // Tan Chau
  [105.262, 10.798],
  [105.288, 10.797],
  [105.312, 10.801],
  [105.335, 10.797], // opposite Hong Ngu
  [105.352, 10.782],
  [105.362, 10.76],
  [105.368, 10.736],
  [105.372, 10.712],
  [105.376, 10.688],
  [105.38, 10.664],
  [105.382, 10.64],
  [105.382, 10.6], // Vam Nao junction
  [105.405, 10.583],
  [105.43, 10.566],
  [105.455, 10.548],
  [105.48, 10.531],
  [105.505, 10.514],
  [105.53, 10.497],
  [105.553, 10.481],
  [105.575, 10.466],
  CHO_MOI_TIEN,
  [105.618, 10.44], // towards Cao Lanh (Dong Thap)
];

const HAU = [
  [105.098, 11.0],
  BINH_DI_BRANCH,
  [105.09, 10.955], // Khanh An / Long Binh
  [105.089, 10.93],
  [105.091, 10.905],
  [105.095, 10.88],
  [105.098, 10.855],
  [105.1, 10.83],
  [105.103, 10.805], // An Phu
  [105.107, 10.78],
  [105.112, 10.755],
  [105.118, 10.73],
  CHAU_DOC_MOUTH, // Chau Doc
  [105.14, 10.685],
  [105.158, 10.664],
  [105.178, 10.64],
  [105.198, 10.615],
  [105.218, 10.595],
  [105.238, 10.582], // Cai Dau (Chau Phu)
  [105.262, 10.572],
  [105.29, 10.566],
  [105.318, 10.56], // Vam Nao mouth
  [105.338, 10.545],
  [105.352, 10.524],
  [105.365, 10.5],
  [105.378, 10.475],
  [105.392, 10.45],
  [105.408, 10.426],
  [105.425, 10.404],
  [105.445, 10.385], // Long Xuyen
  CHO_MOI_HAU,
  [105.478, 10.35],
  [105.494, 10.33],
  CAN_THO_HAU,
  [105.528, 10.29],
  [105.548, 10.27], // towards Thot Not (Can Tho)
];

const tienLine = catmullRom(TIEN, { step: 350, lat0: 10.7 }).map(round5);
const hauLine = catmullRom(HAU, { step: 350, lat0: 10.7 }).map(round5);

function indexOf(line, p) {
  let best = 0;
  let bestD = Infinity;
  line.forEach((q, i) => {
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  });
  if (bestD > 1e-9) throw new Error(`control point ${p} is not a vertex`);
  return best;
}

// ---------------------------------------------------------------------------------------------
// Frontier: Natural Earth's course, published positions, gates and segment breaks
// ---------------------------------------------------------------------------------------------

/** Positions on the frontier that are published (facts, not geometry; see ../README.md). */
const MARKER_314 = [104.4407, 10.4235]; // Viet Nam - Cambodia marker 314, the last land marker
const TAN_THANH = [106.68389, 22.00306]; // 22°0'11"N 106°41'2"E (1:50,000 map, via Wikipedia)
const HUU_NGHI = [106.71083, 21.97111]; // 21°58'16"N 106°42'39"E (Wikipedia infobox)
// Aidian port, China's side of Chi Ma, is published at 21.820 N 107.027 E; the gate is beside it.
const CHI_MA = [107.0245, 21.8185];
/** Where the land boundary meets the Gulf of Thailand, just west of marker 314. */
const COAST_AT_BORDER = [104.4375, 10.4225];

/**
 * How each province's line is drawn (course.mjs): Natural Earth's boundary between the feet of
 * `from` and `to`, simplified, moved onto `pins`, with `replace`d stretches, then smoothed.
 */
const COURSE = {
  an_giang: {
    neighbour: 'KH',
    lat0: 10.6,
    pins: [{ id: 'marker-314', p: MARKER_314 }],
    tail: [COAST_AT_BORDER],
  },
  lang_son: {
    neighbour: 'CN',
    lat0: 21.9,
    // Approximate tripoints with Cao Bang and Quang Ninh; their feet on Natural Earth are used.
    from: [106.54, 22.445],
    to: [107.345, 21.625],
    pins: [{ id: 'ls-chi-ma', p: CHI_MA }],
    // Natural Earth puts the published Tan Thanh and Huu Nghi gates 2-3 km inside China here:
    // from north of Tan Thanh to Po Nhung the line runs through the two gates instead.
    replace: [
      {
        from: [106.6673, 22.0432],
        to: [106.7609, 21.9858],
        via: [
          { id: 'ls-tan-thanh', p: TAN_THANH },
          { id: 'ls-huu-nghi', p: HUU_NGHI },
        ],
      },
    ],
  },
};
// Natural Earth's vertices thinned to 150 m; the curve sampled every 25 m and kept to 2 m (half a
// pixel at zoom 15); pin shifts fading over 6 km.
const COURSE_OPTIONS = { tolerance: 150, step: 25, flatness: 2, taper: 6000 };

/**
 * Gates along each frontier, in order. `pin`: a published position the line passes through;
 * `near`: an approximate position, moved to the nearest point of the line; `crossing`: where
 * the named waterway crosses the line.
 */
const AG_GATES = [
  { id: 'ag-vinh-xuong', near: [105.1925, 10.9195] },
  { id: 'ag-bac-dai', near: [105.141, 10.939] },
  { id: 'ag-khanh-binh', near: [105.08, 10.952] },
  { id: 'ag-vinh-hoi-dong', near: [105.026, 10.78] },
  { id: 'ag-tinh-bien', near: [104.9415, 10.6115] },
  { id: 'ag-giang-thanh', near: [104.64, 10.49] },
  { id: 'ag-ha-tien', near: [104.4495, 10.4262] }, // marker 313, about 1 km east of 314
];
const LS_GATES = [
  { id: 'ls-na-nua', near: [106.576, 22.376] },
  { id: 'ls-binh-nghi', crossing: 'ls-ww-ky-cung' },
  { id: 'ls-na-hinh', near: [106.648, 22.105] },
  { id: 'ls-tan-thanh', pin: TAN_THANH },
  { id: 'ls-coc-nam', near: [106.6965, 21.9895] },
  { id: 'ls-dong-dang-rail', near: [106.7035, 21.9768] },
  { id: 'ls-huu-nghi', pin: HUU_NGHI },
  { id: 'ls-po-nhung', near: [106.756, 21.9815] },
  { id: 'ls-co-sau', near: [106.795, 21.982] },
  { id: 'ls-chi-ma', pin: CHI_MA },
];

/**
 * Segments in order along each line; each ends at a gate or at a point (moved to the nearest
 * point of the line), the last at the end of the line. `accuracy` is what README.md claims.
 */
const AG_SEGMENTS = [
  {
    id: 'ag-1',
    name_vi: 'Sông Tiền (Vĩnh Xương) – sông Hậu – Khánh Bình',
    name_en: 'Tien River (Vinh Xuong) to Hau River and Khanh Binh',
    end: { gate: 'ag-khanh-binh' },
  },
  {
    id: 'ag-2',
    name_vi: 'Khánh Bình – Vĩnh Hội Đông (dọc sông Bình Di)',
    name_en: 'Khanh Binh to Vinh Hoi Dong (along the Binh Di River)',
    // Where the Binh Di leaves the border for Chau Doc (a bend of Natural Earth's line).
    end: { at: [105.0653, 10.7467] },
  },
  {
    id: 'ag-3',
    name_vi: 'Vĩnh Hội Đông – Châu Đốc – Tịnh Biên',
    name_en: 'Vinh Hoi Dong to Chau Doc and Tinh Bien',
    end: { gate: 'ag-tinh-bien' },
  },
  {
    id: 'ag-4',
    name_vi: 'Tịnh Biên – Lạc Quới – Vĩnh Gia (dọc kênh Vĩnh Tế)',
    name_en: 'Tinh Bien to Lac Quoi and Vinh Gia (along the Vinh Te canal)',
    end: { at: [104.775, 10.544] }, // former An Giang / Kien Giang boundary
  },
  {
    id: 'ag-5',
    name_vi: 'Vĩnh Gia – Giang Thành (Kiên Giang cũ)',
    name_en: 'Vinh Gia to Giang Thanh (former Kien Giang)',
    end: { gate: 'ag-giang-thanh' },
  },
  {
    id: 'ag-6',
    name_vi: 'Giang Thành – Hà Tiên (Xà Xía) – bờ biển',
    name_en: 'Giang Thanh to Ha Tien (Xa Xia) and the coast',
  },
];

const LS_SEGMENTS = [
  {
    id: 'ls-1',
    name_vi: 'Tràng Định (bắc): ngã ba Cao Bằng – Bình Nghi',
    name_en: 'Trang Dinh (north): Cao Bang tripoint to Binh Nghi',
    end: { gate: 'ls-binh-nghi' },
  },
  {
    id: 'ls-2',
    name_vi: 'Tràng Định (nam): Bình Nghi – Văn Lãng',
    name_en: 'Trang Dinh (south): Binh Nghi to Van Lang',
    end: { at: [106.644, 22.138] },
  },
  {
    id: 'ls-3',
    name_vi: 'Văn Lãng: Na Hình – Tân Thanh – Cốc Nam',
    name_en: 'Van Lang: Na Hinh, Tan Thanh and Coc Nam',
    end: { at: [106.7, 21.9825] },
  },
  {
    id: 'ls-4',
    name_vi: 'Cao Lộc (tây): Đồng Đăng – Hữu Nghị – Bảo Lâm',
    name_en: 'Cao Loc (west): Dong Dang, Huu Nghi and Bao Lam',
    end: { gate: 'ls-co-sau' },
  },
  {
    id: 'ls-5',
    name_vi: 'Cao Lộc (đông): Co Sâu – Mẫu Sơn',
    name_en: 'Cao Loc (east): Co Sau to Mau Son',
    end: { at: [106.96, 21.872] },
  },
  {
    id: 'ls-6',
    name_vi: 'Lộc Bình: Mẫu Sơn – Chi Ma',
    name_en: 'Loc Binh: Mau Son to Chi Ma',
    end: { at: [107.1, 21.733] },
  },
  {
    id: 'ls-7',
    name_vi: 'Đình Lập: đến ngã ba Quảng Ninh',
    name_en: 'Dinh Lap: to the Quang Ninh tripoint',
  },
];

// ---------------------------------------------------------------------------------------------
// Inland boundaries and coast (control points, ring order)
// ---------------------------------------------------------------------------------------------

/** Lang Son, from the Quang Ninh tripoint round the south and west to the Cao Bang tripoint. */
const LS_INLAND = [
  [107.345, 21.625],
  [107.33, 21.59],
  [107.305, 21.555],
  [107.275, 21.525],
  [107.24, 21.495],
  [107.205, 21.465],
  [107.165, 21.44],
  [107.125, 21.415],
  [107.08, 21.395],
  [107.035, 21.39],
  [106.99, 21.41],
  [106.945, 21.435],
  [106.9, 21.455],
  [106.85, 21.47],
  [106.8, 21.48],
  [106.75, 21.485],
  [106.7, 21.48],
  [106.65, 21.47],
  [106.6, 21.45],
  [106.55, 21.425],
  [106.5, 21.395],
  [106.45, 21.365],
  [106.4, 21.34],
  [106.35, 21.33],
  [106.3, 21.35],
  [106.25, 21.39],
  [106.21, 21.44],
  [106.18, 21.49],
  [106.15, 21.55],
  [106.13, 21.61],
  [106.12, 21.67],
  [106.13, 21.73],
  [106.12, 21.79],
  [106.11, 21.85],
  [106.125, 21.91],
  [106.15, 21.97],
  [106.17, 22.03],
  [106.19, 22.09],
  [106.2, 22.15],
  [106.22, 22.21],
  [106.25, 22.26],
  [106.29, 22.3],
  [106.34, 22.33],
  [106.39, 22.36],
  [106.44, 22.385],
  [106.49, 22.415],
  [106.54, 22.445],
];

/** Gulf of Thailand coast from the Xa Xia border point to the Ca Mau boundary (An Minh). */
const AG_COAST = [
  [104.4375, 10.4225],
  [104.44, 10.41],
  [104.446, 10.398],
  [104.452, 10.385],
  [104.458, 10.372], // Mui Nai
  [104.47, 10.37],
  [104.484, 10.376], // Ha Tien, mouth of Dong Ho
  [104.505, 10.355],
  [104.525, 10.33],
  [104.545, 10.3],
  [104.563, 10.27],
  [104.578, 10.24],
  [104.588, 10.21],
  [104.595, 10.18],
  [104.598, 10.158], // Hon Chong
  [104.612, 10.168],
  [104.625, 10.19],
  [104.635, 10.215],
  [104.645, 10.24], // Kien Luong
  [104.67, 10.235],
  [104.7, 10.222],
  [104.735, 10.205],
  [104.77, 10.188],
  [104.805, 10.17],
  [104.84, 10.15],
  [104.875, 10.13],
  [104.91, 10.11],
  [104.945, 10.09],
  [104.98, 10.07],
  [105.015, 10.048],
  [105.045, 10.028],
  [105.07, 10.012], // Rach Gia
  [105.072, 9.985],
  [105.068, 9.955],
  [105.062, 9.925],
  [105.057, 9.895],
  [105.05, 9.865],
  [105.043, 9.835],
  [105.035, 9.805],
  [105.025, 9.775],
  [105.013, 9.745],
  [105.0, 9.715],
  [104.985, 9.685],
  [104.968, 9.655],
  [104.95, 9.625],
  [104.932, 9.595],
  [104.912, 9.565],
  [104.89, 9.535], // Kien Giang / Ca Mau boundary on the coast (An Minh / U Minh)
];

/** From the coast east along Ca Mau and Bac Lieu, north along Hau Giang and Can Tho, to the Hau. */
const AG_SOUTH_EAST = [
  [104.89, 9.535],
  [104.93, 9.525],
  [104.98, 9.51],
  [105.03, 9.49],
  [105.08, 9.46],
  [105.13, 9.43],
  [105.18, 9.4],
  [105.23, 9.385],
  [105.28, 9.41],
  [105.31, 9.46],
  [105.325, 9.52],
  [105.35, 9.58],
  [105.375, 9.64],
  [105.405, 9.7],
  [105.435, 9.76],
  [105.465, 9.82],
  [105.49, 9.88],
  [105.5, 9.94],
  [105.495, 9.99],
  [105.475, 10.03],
  [105.45, 10.07],
  [105.4, 10.11],
  [105.35, 10.14],
  [105.31, 10.17],
  [105.29, 10.2],
  [105.32, 10.225],
  [105.36, 10.245],
  [105.4, 10.265],
  [105.44, 10.285],
  [105.48, 10.3],
  CAN_THO_HAU,
];

/** Cho Moi / Lap Vo boundary across the island between the rivers, Hau to Tien. */
const CHO_MOI_LAP_VO = [
  CHO_MOI_HAU,
  [105.49, 10.39],
  [105.53, 10.41],
  [105.57, 10.43],
  CHO_MOI_TIEN,
];

/** Phu Quoc island, ring order counter-clockwise (starting at Ganh Dau). */
const PHU_QUOC = [
  [103.843, 10.373],
  [103.85, 10.352],
  [103.868, 10.33],
  [103.888, 10.305],
  [103.912, 10.28],
  [103.935, 10.25],
  [103.955, 10.222], // Duong Dong
  [103.962, 10.19],
  [103.968, 10.15],
  [103.972, 10.11],
  [103.978, 10.075],
  [103.983, 10.04],
  [103.985, 10.01],
  [103.995, 9.995], // south cape near An Thoi
  [104.01, 10.015],
  [104.03, 10.045],
  [104.04, 10.075],
  [104.048, 10.11],
  [104.055, 10.145],
  [104.058, 10.18], // Ham Ninh
  [104.062, 10.215],
  [104.07, 10.25],
  [104.072, 10.285],
  [104.078, 10.32],
  [104.085, 10.355],
  [104.082, 10.39],
  [104.06, 10.42],
  [104.025, 10.438],
  [103.985, 10.44],
  [103.945, 10.428],
  [103.905, 10.41],
  [103.87, 10.395],
  [103.843, 10.373],
];

// ---------------------------------------------------------------------------------------------
// Frontier construction
// ---------------------------------------------------------------------------------------------

function concat(parts) {
  const out = [...parts[0]];
  for (const p of parts.slice(1)) {
    const same = out[out.length - 1][0] === p[0][0] && out[out.length - 1][1] === p[0][1];
    out.push(...(same ? p.slice(1) : p));
  }
  return out;
}

function smoothBoundary(controls, { d, seed, lat0, iterations = 1 }) {
  return chaikin(fractalize(controls, { d, minSeg: 500, seed, lat0 }), iterations).map(round5);
}

const straight = (controls, step = 800) => {
  const out = [controls[0]];
  for (let i = 1; i < controls.length; i++) {
    const a = controls[i - 1];
    const b = controls[i];
    const P = plane(a[1]);
    const A = P.fwd(a);
    const B = P.fwd(b);
    const n = Math.max(1, Math.round(Math.hypot(B[0] - A[0], B[1] - A[1]) / step));
    for (let k = 1; k <= n; k++)
      out.push(P.inv([A[0] + ((B[0] - A[0]) * k) / n, A[1] + ((B[1] - A[1]) * k) / n]));
  }
  return out.map(round5);
};

const nearestVertex = (line, p) => {
  let best = line[0];
  let bd = Infinity;
  for (const q of line) {
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bd) [best, bd] = [q, d];
  }
  return best;
};

/** Foot of p on the line, both [lon, lat]. */
function footOn(line, p) {
  const P = plane(p[1]);
  return P.inv(projectOnto(line.map(P.fwd), P.fwd(p)).q);
}

/** Makes p, rounded, a vertex of `line` (in place) on its nearest segment; reuses a vertex within 1 m. */
function insertVertex(line, p) {
  const q = round5(p);
  const P = plane(q[1]);
  const foot = projectOnto(line.map(P.fwd), P.fwd(q));
  for (const k of [foot.i, foot.i + 1]) if (haversine(line[k], q) < 1) return line[k];
  line.splice(foot.i + 1, 0, q);
  return q;
}

// The lower Ky Cung: where it crosses the frontier is the Binh Nghi gate.
const KY_CUNG = catmullRom(
  [
    [106.47, 22.255],
    [106.495, 22.27],
    [106.52, 22.284],
    [106.545, 22.297],
    [106.57, 22.306],
    [106.596, 22.315],
    [106.612, 22.324],
    [106.628, 22.333],
  ],
  { step: 300, lat0: 22.3 },
).map(round5);
const CROSSING_LINES = { 'ls-ww-ky-cung': KY_CUNG };

/**
 * A province's frontier: Natural Earth's course (course.mjs), its gates and segment breaks made
 * vertices, split into segments. An Giang's line starts where Natural Earth crosses the Tien
 * (which becomes a vertex of the Tien too: the tripoint with Dong Thap).
 */
function buildFrontier(kind) {
  const cfg = COURSE[kind];
  const ne = sharedBoundary(cfg.neighbour);
  let { from, to } = cfg;
  if (kind === 'an_giang') {
    const cross = crossingPoints(tienLine, ne);
    if (cross.length !== 1) throw new Error(`Natural Earth crosses the Tien ${cross.length} times`);
    from = insertVertex(tienLine, cross[0]);
    to = ne[0]; // its end on the Ha Tien coast
  }
  const P = plane(cfg.lat0);
  const ref = clip(ne.map(P.fwd), P.fwd(from), P.fwd(to)).map(P.inv);
  const course = buildCourse(ref, { ...COURSE_OPTIONS, ...cfg }).line;
  if (kind === 'an_giang') course[0] = from;
  const full = course.map(round5);

  const gates = kind === 'an_giang' ? AG_GATES : LS_GATES;
  const segments = kind === 'an_giang' ? AG_SEGMENTS : LS_SEGMENTS;
  const gatePos = {};
  for (const g of gates) {
    let p = g.pin;
    if (g.near) p = footOn(course, g.near);
    if (g.crossing) {
      const cross = crossingPoints(course, CROSSING_LINES[g.crossing]);
      if (cross.length !== 1)
        throw new Error(`${g.crossing} crosses the frontier ${cross.length}x`);
      p = cross[0];
    }
    gatePos[g.id] = insertVertex(full, p);
  }
  const ends = segments
    .slice(0, -1)
    .map((s) => (s.end.gate ? gatePos[s.end.gate] : insertVertex(full, footOn(course, s.end.at))));
  const at = (p) => full.findIndex((q) => q[0] === p[0] && q[1] === p[1]);
  const gateIdx = gates.map((g) => at(gatePos[g.id]));
  const endIdx = ends.map(at);
  for (const idx of [gateIdx, endIdx]) {
    if (idx.some((v, k) => v <= 0 || v >= full.length - 1 || (k > 0 && v <= idx[k - 1])))
      throw new Error(`${kind}: gates or segment ends out of order along the line`);
  }
  const lines = {};
  const cut = [0, ...endIdx, full.length - 1];
  segments.forEach((s, k) => (lines[s.id] = full.slice(cut[k], cut[k + 1] + 1)));
  if (selfIntersections(full).length) throw new Error(`${kind}: frontier crosses itself`);
  return { full, lines, gatePos, segments };
}

/**
 * Moves the vertices of an inland line (a canal) that lie beyond the frontier or within `clearM`
 * of it to `clearM` inside, along the frontier's normal, until no segment crosses it.
 */
function keepInside(line, P, clearM) {
  let out = line;
  for (let pass = 0; pass < 6; pass++) {
    let moved = false;
    out = out.map((p) => {
      const inside = pointInRing(p, P.ring);
      // 0.9: a vertex just moved to clearM stays put when a bend brings another part nearer.
      if (inside && distToLine(p, P.full) >= 0.9 * clearM) return p;
      moved = true;
      const pl = plane(p[1]);
      const foot = projectOnto(P.full.map(pl.fwd), pl.fwd(p));
      const q = pl.fwd(p);
      const v = [q[0] - foot.q[0], q[1] - foot.q[1]];
      const n = Math.hypot(v[0], v[1]) || 1;
      const sign = inside ? 1 : -1;
      return round5(
        pl.inv([foot.q[0] + (sign * v[0] * clearM) / n, foot.q[1] + (sign * v[1] * clearM) / n]),
      );
    });
    if (!moved && crossings(out, P.full) === 0) return out;
    out = straight(out, 400);
  }
  const bad = out.filter((p) => !pointInRing(p, P.ring) || distToLine(p, P.full) < 0.9 * clearM);
  throw new Error(`could not keep the line inside the frontier: ${JSON.stringify(bad)}`);
}

// ---------------------------------------------------------------------------------------------
// Build: frontier, provinces
// ---------------------------------------------------------------------------------------------

function buildProvince(kind) {
  const frontier = buildFrontier(kind);
  const { full } = frontier;
  for (let attempt = 0; attempt < 30; attempt++) {
    const seedBase = (kind === 'an_giang' ? 1000 : 5000) + attempt * 101;
    let ring;
    if (kind === 'lang_son') {
      const controls = [full[full.length - 1], ...LS_INLAND.slice(1, -1), full[0]];
      const inland = smoothBoundary(controls, { d: 0.14, seed: seedBase + 7, lat0: 21.9 });
      ring = concat([full, inland]);
    } else {
      const coast = smoothBoundary(AG_COAST, {
        d: 0.06,
        seed: seedBase + 11,
        lat0: 10,
        iterations: 2,
      });
      const southEast = smoothBoundary(AG_SOUTH_EAST, { d: 0.12, seed: seedBase + 13, lat0: 9.8 });
      const hau = hauLine.slice(indexOf(hauLine, CHO_MOI_HAU), indexOf(hauLine, CAN_THO_HAU) + 1);
      const choMoi = smoothBoundary(CHO_MOI_LAP_VO, { d: 0.1, seed: seedBase + 17, lat0: 10.4 });
      const tien = tienLine.slice(indexOf(tienLine, full[0]), indexOf(tienLine, CHO_MOI_TIEN) + 1);
      ring = concat([full, coast, southEast, [...hau].reverse(), choMoi, [...tien].reverse()]);
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
    if (selfIntersections(ring, true).length) continue;
    if (signedArea(ring) < 0) ring.reverse();
    return { ...frontier, ring };
  }
  throw new Error(`could not build ${kind} without self-intersections`);
}

const AG = buildProvince('an_giang');
const LS = buildProvince('lang_son');

// Binh Di: leaves the Bassac in Cambodia, forms the border along An Phu (the ag-2 frontier line
// is its course), then as the Chau Doc river runs south-east into the Hau at Chau Doc.
const chauDocRiver = catmullRom(
  [AG.lines['ag-2'].at(-1), [105.085, 10.727], [105.105, 10.716], CHAU_DOC_MOUTH],
  { step: 350, lat0: 10.73 },
).map(round5);
if (crossings(chauDocRiver.slice(1), AG.full)) throw new Error('Chau Doc river leaves Viet Nam');

// The Giang Thanh comes out of Cambodia (its upper course there is representative).
const GIANG_THANH = catmullRom(
  [
    [104.617, 10.557],
    [104.61, 10.532],
    [104.603, 10.508],
    [104.594, 10.488],
    [104.584, 10.468],
    [104.574, 10.455],
    [104.562, 10.444],
    [104.548, 10.432],
    [104.531, 10.418],
    [104.515, 10.405],
    [104.5, 10.394],
    [104.49, 10.386],
    [104.484, 10.376],
  ],
  { step: 300, lat0: 10.45 },
).map(round5);

// The Vinh Te canal runs along the border on the Vietnamese side: kept at least 500 m inside.
const VINH_TE = keepInside(
  straight(
    [
      nearestVertex(chauDocRiver, [105.113, 10.713]),
      [105.09, 10.698],
      [105.065, 10.6935],
      [105.04, 10.688],
      [105.015, 10.68],
      [104.995, 10.672],
      [104.978, 10.664],
      [104.965, 10.653],
      [104.955, 10.64],
      [104.9525, 10.622],
      [104.9485, 10.6045],
      [104.935, 10.603],
      [104.915, 10.5945],
      [104.89, 10.584],
      [104.865, 10.5735],
      [104.84, 10.563],
      [104.815, 10.5525],
      [104.79, 10.542],
      [104.765, 10.5315],
      [104.74, 10.521],
      [104.715, 10.5105],
      [104.69, 10.5],
      [104.665, 10.4895],
      [104.64, 10.479],
      [104.615, 10.4685],
      [104.59, 10.458],
      nearestVertex(GIANG_THANH, [104.574, 10.455]),
    ],
    800,
  ),
  AG,
  500,
);

const phuQuoc = (() => {
  // The hand-drawn outline came out about 12 % too large: shrink it about its centre.
  const c = [103.965, 10.22];
  const k = 0.94;
  const scaled = PHU_QUOC.map(([x, y]) => [c[0] + (x - c[0]) * k, c[1] + (y - c[1]) * k]);
  const r = chaikin(fractalize(scaled, { d: 0.08, minSeg: 400, seed: 77, lat0: 10.2 }), 2).map(
    round5,
  );
  r[r.length - 1] = r[0];
  if (selfIntersections(r, true).length) throw new Error('Phu Quoc ring self-intersects');
  if (signedArea(r) < 0) r.reverse();
  return r;
})();

// ---------------------------------------------------------------------------------------------
// Border gates (positions are frontier vertices: see AG_GATES and LS_GATES above)
// ---------------------------------------------------------------------------------------------

const GATES = [
  // An Giang
  [
    'ag-vinh-xuong',
    'an_giang',
    'Cửa khẩu quốc tế Vĩnh Xương',
    'Vinh Xuong international border gate',
    'international',
    'river',
    'Land and river gate since 2023 (Tien River, facing Kaam Samnor, Kandal), beside border marker 241. Position approximate (about 2 km).',
  ],
  [
    'ag-bac-dai',
    'an_giang',
    'Cửa khẩu Bắc Đai',
    'Bac Dai border gate',
    'auxiliary',
    'road',
    'Auxiliary gate in An Phu; exact site not confirmed, position approximate (several km).',
  ],
  [
    'ag-khanh-binh',
    'an_giang',
    'Cửa khẩu Khánh Bình',
    'Khanh Binh border gate',
    'main',
    'road',
    'Main gate facing Chrey Thom (Kandal), Long Binh - Chrey Thom border bridge. Position approximate (about 2 km).',
  ],
  [
    'ag-vinh-hoi-dong',
    'an_giang',
    'Cửa khẩu Vĩnh Hội Đông',
    'Vinh Hoi Dong border gate',
    'main',
    'road',
    'Facing Kampong Krasang (Takeo); listed as a main (national) gate. Position approximate (1-3 km).',
  ],
  [
    'ag-tinh-bien',
    'an_giang',
    'Cửa khẩu quốc tế Tịnh Biên',
    'Tinh Bien international border gate',
    'international',
    'road',
    'Facing Phnom Den (Takeo), end of national road 91. Position approximate (about 2 km).',
  ],
  [
    'ag-giang-thanh',
    'an_giang',
    'Cửa khẩu Giang Thành',
    'Giang Thanh border gate',
    'main',
    'road',
    'Main gate facing Ton Hon (Kampot), former Kien Giang. Position approximate (1-3 km).',
  ],
  [
    'ag-ha-tien',
    'an_giang',
    'Cửa khẩu quốc tế Hà Tiên (Xà Xía)',
    'Ha Tien (Xa Xia) international border gate',
    'international',
    'road',
    'Facing Prek Chak (Kampot), border marker 313; marker 314 (published position) is about 1 km west.',
  ],
  // Lang Son
  [
    'ls-na-nua',
    'lang_son',
    'Cửa khẩu Nà Nưa',
    'Na Nua crossing',
    'crossing_path',
    'road',
    'Local crossing in former Trang Dinh district; position approximate (several km).',
  ],
  [
    'ls-binh-nghi',
    'lang_son',
    'Cửa khẩu Bình Nghi',
    'Binh Nghi border gate',
    'auxiliary',
    'road',
    "Facing Ping'er Guan; where the Ky Cung river leaves Viet Nam. Position approximate (2-3 km).",
  ],
  [
    'ls-na-hinh',
    'lang_son',
    'Cửa khẩu Na Hình',
    'Na Hinh border gate',
    'auxiliary',
    'road',
    'Auxiliary gate in former Van Lang district. Position approximate (2-3 km).',
  ],
  [
    'ls-tan-thanh',
    'lang_son',
    'Cửa khẩu Tân Thanh',
    'Tan Thanh border gate',
    'auxiliary',
    'road',
    'Facing Puzhai (Po Chai); border-market pair and goods clearance. Position from a published coordinate.',
  ],
  [
    'ls-coc-nam',
    'lang_son',
    'Cửa khẩu Cốc Nam',
    'Coc Nam border gate',
    'auxiliary',
    'road',
    'Facing Nonghuai (Lung Vai). Position approximate (about 1-2 km).',
  ],
  [
    'ls-dong-dang-rail',
    'lang_son',
    'Cửa khẩu quốc tế ga đường sắt Đồng Đăng',
    'Dong Dang international railway gate',
    'international',
    'rail',
    'Point where the Hanoi - Dong Dang - Pingxiang railway crosses the border; clearance is at Dong Dang station, about 4 km south. Position approximate (about 1 km).',
  ],
  [
    'ls-huu-nghi',
    'lang_son',
    'Cửa khẩu quốc tế Hữu Nghị',
    'Huu Nghi international border gate',
    'international',
    'road',
    'Facing Youyiguan; border markers 1116/1117, start of national road 1. Position from a published coordinate.',
  ],
  [
    'ls-po-nhung',
    'lang_son',
    'Cửa khẩu Pò Nhùng',
    'Po Nhung crossing',
    'crossing_path',
    'road',
    'Local crossing in former Cao Loc district; position approximate (several km).',
  ],
  [
    'ls-co-sau',
    'lang_son',
    'Cửa khẩu Co Sâu',
    'Co Sau crossing',
    'crossing_path',
    'road',
    'Local crossing in former Cao Loc district; position approximate (several km).',
  ],
  [
    'ls-chi-ma',
    'lang_son',
    'Cửa khẩu Chi Ma',
    'Chi Ma border gate',
    'main',
    'road',
    'Facing Aidian (Ningming), border markers 1223-1224. Position from the published position of Aidian port.',
  ],
];

// ---------------------------------------------------------------------------------------------
// Waterways
// ---------------------------------------------------------------------------------------------

const WATERWAYS = [
  {
    id: 'ag-ww-tien',
    province: 'an_giang',
    kind: 'river',
    crosses_border: true,
    name_vi: 'Sông Tiền (Mê Kông)',
    name_en: 'Tien River (Mekong)',
    line: tienLine,
  },
  {
    id: 'ag-ww-hau',
    province: 'an_giang',
    kind: 'river',
    crosses_border: true,
    name_vi: 'Sông Hậu (Bassac)',
    name_en: 'Hau River (Bassac)',
    line: hauLine,
  },
  {
    id: 'ag-ww-binh-di',
    province: 'an_giang',
    kind: 'river',
    crosses_border: true,
    name_vi: 'Sông Bình Di – sông Châu Đốc',
    name_en: 'Binh Di River and Chau Doc River',
    // Leaves the Bassac in Cambodia, forms the border along An Phu (the ag-2 frontier line is its
    // course), then as the Chau Doc river runs south-east into the Hau at Chau Doc.
    line: concat([
      straight([BINH_DI_BRANCH, [105.0855, 10.9625], AG.lines['ag-2'][0]], 400),
      AG.lines['ag-2'],
      chauDocRiver,
    ]),
  },
  {
    id: 'ag-ww-vinh-te',
    province: 'an_giang',
    kind: 'canal',
    crosses_border: false,
    name_vi: 'Kênh Vĩnh Tế',
    name_en: 'Vinh Te canal',
    line: VINH_TE,
  },
  {
    id: 'ag-ww-giang-thanh',
    province: 'an_giang',
    kind: 'river',
    crosses_border: true,
    name_vi: 'Sông Giang Thành',
    name_en: 'Giang Thanh River',
    line: GIANG_THANH,
  },
  {
    id: 'ag-ww-vinh-an',
    province: 'an_giang',
    kind: 'canal',
    crosses_border: false,
    name_vi: 'Kênh Vĩnh An',
    name_en: 'Vinh An canal',
    line: straight([
      nearestVertex(tienLine, [105.238, 10.807]),
      [105.2, 10.786],
      [105.165, 10.765],
      nearestVertex(hauLine, [105.112, 10.755]),
    ]),
  },
  {
    id: 'ag-ww-vam-nao',
    province: 'an_giang',
    kind: 'river',
    crosses_border: false,
    name_vi: 'Sông Vàm Nao',
    name_en: 'Vam Nao River',
    line: catmullRom(
      [
        nearestVertex(hauLine, [105.318, 10.56]),
        [105.34, 10.575],
        [105.36, 10.588],
        nearestVertex(tienLine, [105.382, 10.6]),
      ],
      { step: 300, lat0: 10.58 },
    ).map(round5),
  },
  {
    id: 'ag-ww-rach-gia-long-xuyen',
    province: 'an_giang',
    kind: 'canal',
    crosses_border: false,
    name_vi: 'Kênh Rạch Giá – Long Xuyên',
    name_en: 'Rach Gia - Long Xuyen canal',
    line: straight([
      nearestVertex(hauLine, [105.445, 10.385]),
      [105.38, 10.34],
      [105.32, 10.3],
      [105.27, 10.265],
      [105.22, 10.2],
      [105.17, 10.13],
      [105.12, 10.07],
      [105.085, 10.025],
    ]),
  },
  {
    id: 'ag-ww-rach-gia-ha-tien',
    province: 'an_giang',
    kind: 'canal',
    crosses_border: false,
    name_vi: 'Kênh Rạch Giá – Hà Tiên',
    name_en: 'Rach Gia - Ha Tien canal',
    line: straight([
      [105.08, 10.025],
      [105.04, 10.055],
      [104.99, 10.095],
      [104.945, 10.14],
      [104.92, 10.18],
      [104.86, 10.2],
      [104.8, 10.215],
      [104.74, 10.232],
      [104.69, 10.245],
      [104.648, 10.26],
      [104.61, 10.29],
      [104.57, 10.325],
      [104.53, 10.355],
      nearestVertex(GIANG_THANH, [104.495, 10.39]),
    ]),
  },
  {
    id: 'ls-ww-ky-cung',
    province: 'lang_son',
    kind: 'river',
    crosses_border: true,
    name_vi: 'Sông Kỳ Cùng (Thất Khê – Bình Nghi)',
    name_en: 'Ky Cung River (That Khe to Binh Nghi)',
    line: KY_CUNG,
  },
];

// ---------------------------------------------------------------------------------------------
// Trails: representative lines at named crossing areas
// ---------------------------------------------------------------------------------------------

// [id, province, kind, name_vi, name_en, anchor near the frontier, inland length km, outside km,
//  turn (degrees, + = left of straight inland), note]
const TRAILS = [
  [
    'ls-tr-01',
    'lang_son',
    'specialised_road',
    'Đường chuyên dụng vận chuyển hàng hóa khu vực mốc 1119–1120 (Hữu Nghị)',
    'Goods road at border markers 1119-1120 (Huu Nghi)',
    [106.716, 21.9725],
    1.6,
    0.6,
    10,
    'Freight-only road beside the Huu Nghi gate; alignment representative.',
  ],
  [
    'ls-tr-02',
    'lang_son',
    'specialised_road',
    'Lối thông quan khu vực mốc 1088/2–1089 (Tân Thanh)',
    'Clearance path at border markers 1088/2-1089 (Tan Thanh)',
    [106.679, 22.009],
    1.8,
    0.6,
    -15,
    'Goods clearance path of the Tan Thanh - Puzhai pair; alignment representative.',
  ],
  [
    'ls-tr-03',
    'lang_son',
    'specialised_road',
    'Lối thông quan Km3+4 Hải Yến (Cốc Nam)',
    'Km3+4 Hai Yen clearance path (Coc Nam)',
    [106.6985, 21.986],
    2.2,
    0.7,
    20,
    'Goods clearance path belonging to the Coc Nam gate; alignment representative.',
  ],
  [
    'ls-tr-04',
    'lang_son',
    'opening',
    'Lối mở Pò Nhùng',
    'Po Nhung opening',
    [106.7575, 21.981],
    2.5,
    0.7,
    -10,
    'Opening used by border residents; alignment representative.',
  ],
  [
    'ls-tr-05',
    'lang_son',
    'opening',
    'Lối mở Co Sâu',
    'Co Sau opening',
    [106.796, 21.9815],
    3.0,
    0.8,
    15,
    "Opening and porters' path; alignment representative.",
  ],
  [
    'ls-tr-06',
    'lang_son',
    'opening',
    'Lối mở Nà Nưa',
    'Na Nua opening',
    [106.577, 22.375],
    2.8,
    0.7,
    -20,
    'Opening in the Trang Dinh hills; alignment representative.',
  ],
  [
    'ls-tr-07',
    'lang_son',
    'trail',
    'Đường mòn phía bắc Tân Thanh',
    'Footpath north of Tan Thanh',
    [106.667, 22.04],
    3.5,
    0.8,
    25,
    "Porters' footpath over the ridge north of the Tan Thanh market; representative.",
  ],
  [
    'ls-tr-08',
    'lang_son',
    'trail',
    'Đường mòn Cốc Nam – Đồng Đăng',
    'Coc Nam - Dong Dang footpath',
    [106.7005, 21.981],
    2.6,
    0.6,
    -25,
    'Footpath between the Coc Nam area and Dong Dang; representative.',
  ],
  [
    'ls-tr-09',
    'lang_son',
    'trail',
    'Đường mòn khu vực Na Hình',
    'Na Hinh area footpath',
    [106.657, 22.09],
    3.2,
    0.8,
    10,
    "Porters' footpath near Na Hinh; representative.",
  ],
  [
    'ls-tr-10',
    'lang_son',
    'trail',
    'Đường mòn khu vực Bình Nghi',
    'Binh Nghi area footpath',
    [106.612, 22.27],
    4.0,
    0.9,
    -15,
    'Footpath across the hills south of the Ky Cung exit; representative.',
  ],
  [
    'ls-tr-11',
    'lang_son',
    'trail',
    'Đường mòn phía tây bắc Chi Ma',
    'Footpath north-west of Chi Ma',
    [107.006, 21.834],
    3.0,
    0.8,
    20,
    "Porters' footpath towards Yen Khoai; representative.",
  ],
  [
    'ls-tr-12',
    'lang_son',
    'path',
    'Lối đi phía đông nam Chi Ma',
    'Path south-east of Chi Ma',
    [107.046, 21.7995],
    2.4,
    0.7,
    -10,
    'Path used to carry goods round the Chi Ma gate; representative.',
  ],
  [
    'ls-tr-13',
    'lang_son',
    'trail',
    'Đường mòn khu vực Mẫu Sơn',
    'Mau Son area footpath',
    [106.935, 21.9],
    4.5,
    0.9,
    15,
    'Mountain footpath below Mau Son; representative.',
  ],
  [
    'ls-tr-14',
    'lang_son',
    'path',
    'Lối đi Bảo Lâm – Hữu Nghị',
    'Bao Lam - Huu Nghi path',
    [106.733, 21.972],
    2.0,
    0.6,
    -20,
    'Path east of the Huu Nghi gate; representative.',
  ],
  [
    'ls-tr-15',
    'lang_son',
    'trail',
    'Đường mòn khu vực Bắc Xa (Đình Lập)',
    'Bac Xa area footpath (Dinh Lap)',
    [107.19, 21.675],
    4.4,
    0.9,
    0,
    'Long footpath in the Dinh Lap forest; representative.',
  ],
  [
    'ag-tr-01',
    'an_giang',
    'path',
    'Lối đi qua cánh đồng phía đông Tịnh Biên',
    'Field path east of Tinh Bien',
    [104.955, 10.652],
    2.0,
    0.7,
    10,
    'Dry-season field path to the Vinh Te canal; representative.',
  ],
  [
    'ag-tr-02',
    'an_giang',
    'path',
    'Lối đi khu vực Nhơn Hội (An Phú)',
    'Nhon Hoi area path (An Phu)',
    [105.057, 10.905],
    2.2,
    0.6,
    -10,
    'Path and ford across the Binh Di; representative.',
  ],
  [
    'ag-tr-03',
    'an_giang',
    'path',
    'Lối đi khu vực Vĩnh Gia (Tri Tôn)',
    'Vinh Gia area path (Tri Ton)',
    [104.811, 10.557],
    1.8,
    0.6,
    0,
    'Field path to the Vinh Te canal; representative.',
  ],
  [
    'ag-tr-04',
    'an_giang',
    'trail',
    'Đường mòn khu vực Giang Thành',
    'Giang Thanh area trail',
    [104.7, 10.509],
    2.5,
    0.7,
    15,
    'Trail across the Giang Thanh fields; representative.',
  ],
  [
    'ag-tr-05',
    'an_giang',
    'path',
    'Lối đi khu vực Vĩnh Xương',
    'Vinh Xuong area path',
    [105.163, 10.93],
    1.8,
    0.6,
    -10,
    'Path between the Tien and Hau rivers; representative.',
  ],
  [
    'ag-tr-06',
    'an_giang',
    'path',
    'Lối đi khu vực Khánh Bình',
    'Khanh Binh area path',
    [105.066, 10.928],
    1.6,
    0.5,
    10,
    'Path to the Binh Di landing near Khanh Binh; representative.',
  ],
];

function buildTrail([id, province, kind, nameVi, nameEn, anchor, inKm, outKm, turnDeg, note], i) {
  const P = province === 'an_giang' ? AG : LS;
  const frontier = P.full;
  // Crossing: the middle of the frontier segment nearest the anchor (never a vertex).
  let k = 0;
  let bd = Infinity;
  for (let j = 0; j < frontier.length - 1; j++) {
    const m = [
      (frontier[j][0] + frontier[j + 1][0]) / 2,
      (frontier[j][1] + frontier[j + 1][1]) / 2,
    ];
    const d = (m[0] - anchor[0]) ** 2 + (m[1] - anchor[1]) ** 2;
    if (d < bd) [k, bd] = [j, d];
  }
  const cross = [
    (frontier[k][0] + frontier[k + 1][0]) / 2,
    (frontier[k][1] + frontier[k + 1][1]) / 2,
  ];
  // Outward normal from the general direction of the line over about 1.5 km.
  const pl = plane(anchor[1]);
  let [ia, ib] = [k, k + 1];
  while (ia > 0 && haversine(frontier[ia], cross) < 750) ia--;
  while (ib < frontier.length - 1 && haversine(frontier[ib], cross) < 750) ib++;
  const a = pl.fwd(frontier[ia]);
  const b = pl.fwd(frontier[ib]);
  const tl = Math.hypot(b[0] - a[0], b[1] - a[1]);
  let n = [-(b[1] - a[1]) / tl, (b[0] - a[0]) / tl];
  if (pointInRing(offset(cross, n, 400), P.ring)) n = [-n[0], -n[1]];
  const inward = [-n[0], -n[1]];
  const rot = (v, deg) => {
    const r = (deg * Math.PI) / 180;
    return [v[0] * Math.cos(r) - v[1] * Math.sin(r), v[0] * Math.sin(r) + v[1] * Math.cos(r)];
  };
  for (let attempt = 0; attempt < 200; attempt++) {
    const rnd = prng(9000 + i * 97 + attempt);
    const out1 = offset(cross, rot(n, (rnd() - 0.5) * 40), outKm * 1000);
    const out2 = offset(cross, rot(n, (rnd() - 0.5) * 40), outKm * 350);
    const inland = [];
    const steps = Math.max(3, Math.round(inKm / 0.45));
    let p = offset(cross, rot(inward, (rnd() - 0.5) * 30), 250);
    inland.push(p);
    for (let s = 1; s <= steps; s++) {
      const dir = rot(inward, (turnDeg * s) / steps + (rnd() - 0.5) * 50);
      p = offset(p, dir, (inKm * 1000 - 250) / steps);
      inland.push(p);
    }
    const coords = [out1, out2, ...inland].map(round5);
    const outside = coords.slice(0, 2).every((c) => !pointInRing(c, P.ring));
    const inside = coords
      .slice(2)
      .every((c) => pointInRing(c, P.ring) && distToLine(c, frontier) > 60);
    const len = lineLength(coords) / 1000;
    if (outside && inside && len >= 1 && len <= 6) {
      return {
        type: 'Feature',
        id,
        properties: { id, province, kind, name_vi: nameVi, name_en: nameEn, note_en: note, note },
        geometry: { type: 'LineString', coordinates: coords },
      };
    }
  }
  throw new Error(`trail ${id}: no clean placement`);
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const fc = (features) => ({ type: 'FeatureCollection', features });
const write = (name, obj) => {
  const text = JSON.stringify(obj, null, 0)
    .replace(/\{"type":"Feature"/g, '\n{"type":"Feature"')
    .replace(/\]\}$/, '\n]}');
  writeFileSync(join(OUT, name), `${text}\n`);
};

const provinces = fc([
  {
    type: 'Feature',
    id: 'an_giang',
    properties: { id: 'an_giang', name_vi: 'An Giang', name_en: 'An Giang', neighbour: 'KH' },
    geometry: { type: 'MultiPolygon', coordinates: [[AG.ring], [phuQuoc]] },
  },
  {
    type: 'Feature',
    id: 'lang_son',
    properties: { id: 'lang_son', name_vi: 'Lạng Sơn', name_en: 'Lang Son', neighbour: 'CN' },
    geometry: { type: 'Polygon', coordinates: [LS.ring] },
  },
]);

const frontierFeatures = [];
for (const [P, province, neighbour] of [
  [AG, 'an_giang', 'KH'],
  [LS, 'lang_son', 'CN'],
]) {
  for (const s of P.segments) {
    frontierFeatures.push({
      type: 'Feature',
      id: s.id,
      properties: {
        id: s.id,
        province,
        neighbour,
        name_vi: s.name_vi,
        name_en: s.name_en,
        ...accuracyProperties(s.id, distanceTo(P.lines[s.id], sharedBoundary(neighbour))),
      },
      geometry: { type: 'LineString', coordinates: P.lines[s.id] },
    });
  }
}

const gatePos = { ...AG.gatePos, ...LS.gatePos };
const gateFeatures = GATES.map(([id, province, nameVi, nameEn, kind, mode, note]) => ({
  type: 'Feature',
  id,
  properties: { id, province, name_vi: nameVi, name_en: nameEn, kind, mode, note_en: note },
  geometry: { type: 'Point', coordinates: round5(gatePos[id]) },
}));
// The Tan Thanh border market sits just inside Viet Nam, behind the gate.
{
  const tt = gatePos['ls-tan-thanh'];
  gateFeatures.push({
    type: 'Feature',
    id: 'ls-tan-thanh-market',
    properties: {
      id: 'ls-tan-thanh-market',
      province: 'lang_son',
      name_vi: 'Chợ biên giới Tân Thanh',
      name_en: 'Tan Thanh border market',
      kind: 'border_market',
      mode: 'road',
      note_en:
        'Border market of the Tan Thanh - Puzhai pair, just behind the gate; position approximate.',
    },
    geometry: { type: 'Point', coordinates: round5(offset(tt, [-0.6, -0.8], 250)) },
  });
}

const waterwayFeatures = WATERWAYS.map((w) => ({
  type: 'Feature',
  id: w.id,
  properties: {
    id: w.id,
    province: w.province,
    kind: w.kind,
    name_vi: w.name_vi,
    name_en: w.name_en,
    crosses_border: w.crosses_border,
  },
  geometry: { type: 'LineString', coordinates: w.line },
}));

const trailFeatures = TRAILS.map(buildTrail);

write('provinces.geojson', provinces);
write('frontier.geojson', fc(frontierFeatures));
write('border_gates.geojson', fc(gateFeatures));
write('waterways.geojson', fc(waterwayFeatures));
write('trails.geojson', fc(trailFeatures));

// ---------------------------------------------------------------------------------------------
// Summary (sanity checks; the unit test repeats the important ones with Turf)
// ---------------------------------------------------------------------------------------------

const km = (m) => (m / 1000).toFixed(1);
for (const [P, name] of [
  [AG, 'An Giang'],
  [LS, 'Lang Son'],
]) {
  console.log(
    `${name}: frontier ${km(lineLength(P.full))} km, ${P.full.length} vertices; outline ${ringAreaKm2(P.ring).toFixed(0)} km2, ${P.ring.length} vertices`,
  );
  for (const s of P.segments) {
    const { meanM, maxM } = distanceTo(P.lines[s.id], sharedBoundary(P === AG ? 'KH' : 'CN'));
    console.log(
      `  ${s.id} ${km(lineLength(P.lines[s.id]))} km, from Natural Earth mean ${km(meanM)} km, max ${km(maxM)} km: ${s.name_en}`,
    );
  }
}
console.log(`Phu Quoc ${ringAreaKm2(phuQuoc).toFixed(0)} km2`);
for (const f of waterwayFeatures) {
  const P = f.properties.province === 'an_giang' ? AG : LS;
  console.log(
    `  waterway ${f.id} ${km(lineLength(f.geometry.coordinates))} km, crosses frontier ${crossings(f.geometry.coordinates, P.full)}x, min dist ${Math.min(...f.geometry.coordinates.map((c) => distToLine(c, P.full))).toFixed(0)} m`,
  );
}
for (const f of trailFeatures) {
  const P = f.properties.province === 'an_giang' ? AG : LS;
  const c = f.geometry.coordinates;
  console.log(
    `  trail ${f.id} ${km(lineLength(c))} km, crosses ${crossings(c, P.full)}x, start outside: ${!pointInRing(c[0], P.ring)}, end inside: ${pointInRing(c[c.length - 1], P.ring)}`,
  );
}
for (const f of gateFeatures) {
  const P = f.properties.province === 'an_giang' ? AG : LS;
  console.log(
    `  gate ${f.id} ${f.geometry.coordinates} dist ${distToLine(f.geometry.coordinates, P.full).toFixed(0)} m`,
  );
}
