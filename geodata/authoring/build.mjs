// Builds geodata/*.geojson from the hand-authored control points in this file.
//
//   node geodata/authoring/build.mjs        (writes ../*.geojson and prints a summary)
//
// What is knowledge and what is construction (see ../README.md):
// - Control points (below) were placed by the project from general geographic knowledge,
//   anchored on a few published point positions (gates, border marker 314). No third-party
//   geometry was copied or traced.
// - Between control points the frontier gets seeded midpoint displacement plus light smoothing,
//   tuned per segment so each province's length matches the officially stated length. That
//   fine-scale sinuosity is representative, not surveyed.
// - Trails are representative lines placed at named crossing areas, not surveyed routes.
// The output is deterministic: the same file always produces the same GeoJSON.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  catmullRom,
  chaikin,
  crossings,
  distToLine,
  fractalize,
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

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Rivers that are also boundaries (control points, north to south; smooth curves through them)
// ---------------------------------------------------------------------------------------------

const TIEN_TRIPOINT = [105.203, 10.925]; // Tien (Mekong) at the border: Cambodia / An Giang / Dong Thap
const HAU_AT_BORDER = [105.09, 10.955]; // Hau (Bassac) at the border, Khanh An / Long Binh
const BINH_DI_BRANCH = [105.0885, 10.97]; // where the Binh Di leaves the Bassac, in Cambodia
const CHO_MOI_TIEN = [105.595, 10.452]; // Cho Moi / Lap Vo boundary on the Tien
const CHO_MOI_HAU = [105.462, 10.37]; // Cho Moi / Lap Vo boundary on the Hau
const CAN_THO_HAU = [105.51, 10.31]; // An Giang / Can Tho boundary on the Hau
const CHAU_DOC_MOUTH = [105.124, 10.708]; // Chau Doc river into the Hau at Chau Doc

const TIEN = [
  [105.236, 10.972],
  [105.221, 10.95],
  TIEN_TRIPOINT,
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
  HAU_AT_BORDER,
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
// Frontier control points. `gate(...)` marks a vertex that carries a border gate (kept exactly).
// ---------------------------------------------------------------------------------------------

const gate = (lon, lat, id) => ({ p: [lon, lat], gate: id });

/** An Giang (incl. former Kien Giang): from the Tien river westward to the Ha Tien coast. */
const AG_SEGMENTS = [
  {
    id: 'ag-1',
    name_vi: 'Sông Tiền (Vĩnh Xương) – sông Hậu – Khánh Bình',
    name_en: 'Tien River (Vinh Xuong) to Hau River and Khanh Binh',
    chaikin: 1,
    controls: [
      TIEN_TRIPOINT,
      gate(105.1925, 10.9195, 'ag-vinh-xuong'),
      [105.183, 10.9215],
      [105.1735, 10.927],
      [105.163, 10.93],
      [105.152, 10.935],
      gate(105.141, 10.939, 'ag-bac-dai'),
      [105.13, 10.942],
      [105.119, 10.9465],
      [105.108, 10.9505],
      [105.099, 10.9535],
      HAU_AT_BORDER,
      gate(105.08, 10.952, 'ag-khanh-binh'),
    ],
  },
  {
    id: 'ag-2',
    name_vi: 'Khánh Bình – Vĩnh Hội Đông (dọc sông Bình Di)',
    name_en: 'Khanh Binh to Vinh Hoi Dong (along the Binh Di River)',
    chaikin: 2,
    controls: [
      gate(105.08, 10.952, 'ag-khanh-binh'),
      [105.0745, 10.944],
      [105.069, 10.935],
      [105.065, 10.925],
      [105.061, 10.915],
      [105.057, 10.905],
      [105.053, 10.895],
      [105.049, 10.885],
      [105.045, 10.875],
      [105.0415, 10.865],
      [105.038, 10.855],
      [105.0345, 10.845],
      [105.031, 10.835],
      [105.028, 10.824],
      [105.0255, 10.813],
      [105.0245, 10.802],
      [105.025, 10.791],
      gate(105.026, 10.78, 'ag-vinh-hoi-dong'),
      [105.028, 10.768],
      [105.03, 10.755],
    ],
  },
  {
    id: 'ag-3',
    name_vi: 'Vĩnh Hội Đông – Châu Đốc – Tịnh Biên',
    name_en: 'Vinh Hoi Dong to Chau Doc and Tinh Bien',
    chaikin: 1,
    controls: [
      [105.03, 10.755],
      [105.023, 10.745],
      [105.016, 10.735],
      [105.009, 10.725],
      [105.002, 10.715],
      [104.995, 10.705],
      [104.988, 10.696],
      [104.981, 10.688],
      [104.974, 10.68],
      [104.967, 10.672],
      [104.96, 10.663],
      [104.954, 10.653],
      [104.949, 10.643],
      [104.945, 10.633],
      [104.9425, 10.623],
      gate(104.9415, 10.6115, 'ag-tinh-bien'),
    ],
  },
  {
    id: 'ag-4',
    name_vi: 'Tịnh Biên – Lạc Quới – Vĩnh Gia (dọc kênh Vĩnh Tế)',
    name_en: 'Tinh Bien to Lac Quoi and Vinh Gia (along the Vinh Te canal)',
    chaikin: 1,
    controls: [
      gate(104.9415, 10.6115, 'ag-tinh-bien'),
      [104.929, 10.6095],
      [104.915, 10.606],
      [104.902, 10.599],
      [104.889, 10.593],
      [104.876, 10.587],
      [104.863, 10.581],
      [104.85, 10.575],
      [104.837, 10.569],
      [104.824, 10.563],
      [104.811, 10.558],
      [104.798, 10.553],
      [104.786, 10.548],
      [104.775, 10.544],
    ],
  },
  {
    id: 'ag-5',
    name_vi: 'Vĩnh Gia – Giang Thành (Kiên Giang cũ)',
    name_en: 'Vinh Gia to Giang Thanh (former Kien Giang)',
    chaikin: 1,
    controls: [
      [104.775, 10.544],
      [104.763, 10.539],
      [104.751, 10.534],
      [104.739, 10.529],
      [104.727, 10.524],
      [104.715, 10.519],
      [104.703, 10.514],
      [104.691, 10.509],
      [104.679, 10.505],
      [104.667, 10.501],
      [104.655, 10.497],
      gate(104.64, 10.49, 'ag-giang-thanh'),
    ],
  },
  {
    id: 'ag-6',
    name_vi: 'Giang Thành – Hà Tiên (Xà Xía) – bờ biển',
    name_en: 'Giang Thanh to Ha Tien (Xa Xia) and the coast',
    chaikin: 1,
    controls: [
      gate(104.64, 10.49, 'ag-giang-thanh'),
      [104.627, 10.487],
      [104.614, 10.483],
      [104.601, 10.479],
      [104.588, 10.475],
      [104.575, 10.47],
      [104.562, 10.464],
      [104.549, 10.457],
      [104.536, 10.45],
      [104.523, 10.444],
      [104.51, 10.439],
      [104.497, 10.435],
      [104.484, 10.432],
      [104.472, 10.4295],
      [104.46, 10.428],
      gate(104.4495, 10.4262, 'ag-ha-tien'), // marker 313 at the gate
      [104.4407, 10.4235], // marker 314, the last land marker (published position)
      [104.4375, 10.4225], // the coast
    ],
  },
];

/** Lang Son: from the Cao Bang tripoint (north-west) to the Quang Ninh tripoint (south-east). */
const LS_SEGMENTS = [
  {
    id: 'ls-1',
    name_vi: 'Tràng Định (bắc): ngã ba Cao Bằng – Bình Nghi',
    name_en: 'Trang Dinh (north): Cao Bang tripoint to Binh Nghi',
    chaikin: 1,
    controls: [
      [106.54, 22.445],
      [106.552, 22.433],
      [106.561, 22.418],
      [106.56, 22.402],
      [106.569, 22.388],
      gate(106.576, 22.376, 'ls-na-nua'),
      [106.587, 22.364],
      [106.585, 22.348],
      [106.593, 22.333],
      gate(106.596, 22.315, 'ls-binh-nghi'),
    ],
  },
  {
    id: 'ls-2',
    name_vi: 'Tràng Định (nam): Bình Nghi – Văn Lãng',
    name_en: 'Trang Dinh (south): Binh Nghi to Van Lang',
    chaikin: 1,
    controls: [
      gate(106.596, 22.315, 'ls-binh-nghi'),
      [106.608, 22.302],
      [106.617, 22.287],
      [106.612, 22.27],
      [106.623, 22.255],
      [106.62, 22.238],
      [106.633, 22.223],
      [106.629, 22.204],
      [106.64, 22.188],
      [106.637, 22.17],
      [106.647, 22.154],
      [106.644, 22.138],
    ],
  },
  {
    id: 'ls-3',
    name_vi: 'Văn Lãng: Na Hình – Tân Thanh – Cốc Nam',
    name_en: 'Van Lang: Na Hinh, Tan Thanh and Coc Nam',
    chaikin: 1,
    controls: [
      [106.644, 22.138],
      [106.655, 22.124],
      gate(106.648, 22.105, 'ls-na-hinh'),
      [106.66, 22.089],
      [106.657, 22.071],
      [106.668, 22.056],
      [106.665, 22.039],
      [106.676, 22.023],
      [106.678, 22.011],
      gate(106.6839, 22.0031, 'ls-tan-thanh'),
      [106.69, 21.9965],
      gate(106.6965, 21.9895, 'ls-coc-nam'),
      [106.7, 21.9825],
    ],
  },
  {
    id: 'ls-4',
    name_vi: 'Cao Lộc (tây): Đồng Đăng – Hữu Nghị – Bảo Lâm',
    name_en: 'Cao Loc (west): Dong Dang, Huu Nghi and Bao Lam',
    chaikin: 1,
    controls: [
      [106.7, 21.9825],
      gate(106.7035, 21.9768, 'ls-dong-dang-rail'),
      gate(106.7108, 21.9711, 'ls-huu-nghi'),
      [106.721, 21.9745],
      [106.733, 21.972],
      [106.745, 21.978],
      gate(106.756, 21.9815, 'ls-po-nhung'),
      [106.769, 21.978],
      [106.782, 21.985],
      gate(106.795, 21.982, 'ls-co-sau'),
    ],
  },
  {
    id: 'ls-5',
    name_vi: 'Cao Lộc (đông): Co Sâu – Mẫu Sơn',
    name_en: 'Cao Loc (east): Co Sau to Mau Son',
    chaikin: 1,
    controls: [
      gate(106.795, 21.982, 'ls-co-sau'),
      [106.808, 21.975],
      [106.82, 21.978],
      [106.833, 21.972],
      [106.845, 21.965],
      [106.858, 21.955],
      [106.872, 21.95],
      [106.885, 21.94],
      [106.898, 21.932],
      [106.91, 21.92],
      [106.922, 21.912],
      [106.935, 21.9],
      [106.945, 21.888],
      [106.96, 21.872],
    ],
  },
  {
    id: 'ls-6',
    name_vi: 'Lộc Bình: Mẫu Sơn – Chi Ma',
    name_en: 'Loc Binh: Mau Son to Chi Ma',
    chaikin: 1,
    controls: [
      [106.96, 21.872],
      [106.972, 21.862],
      [106.985, 21.855],
      [106.995, 21.845],
      [107.005, 21.835],
      [107.015, 21.826],
      gate(107.0245, 21.8185, 'ls-chi-ma'),
      [107.033, 21.808],
      [107.045, 21.8],
      [107.055, 21.79],
      [107.062, 21.778],
      [107.072, 21.768],
      [107.08, 21.755],
      [107.092, 21.745],
      [107.1, 21.733],
    ],
  },
  {
    id: 'ls-7',
    name_vi: 'Đình Lập: đến ngã ba Quảng Ninh',
    name_en: 'Dinh Lap: to the Quang Ninh tripoint',
    chaikin: 1,
    controls: [
      [107.1, 21.733],
      [107.112, 21.722],
      [107.125, 21.715],
      [107.138, 21.705],
      [107.15, 21.698],
      [107.163, 21.69],
      [107.176, 21.68],
      [107.19, 21.675],
      [107.203, 21.668],
      [107.216, 21.66],
      [107.23, 21.655],
      [107.243, 21.648],
      [107.257, 21.642],
      [107.27, 21.636],
      [107.284, 21.632],
      [107.298, 21.628],
      [107.312, 21.626],
      [107.326, 21.625],
      [107.345, 21.625],
    ],
  },
];

/** Officially stated lengths the generalised line is tuned to (km). */
const LENGTH_TARGETS = {
  // "nearly 100 km" (former An Giang) + 56.8 km (former Kien Giang)
  an_giang: {
    groups: [
      { ids: ['ag-1', 'ag-2', 'ag-3', 'ag-4'], km: 98 },
      { ids: ['ag-5', 'ag-6'], km: 55 },
    ],
  },
  lang_son: { groups: [{ ids: LS_SEGMENTS.map((s) => s.id), km: 231 }] },
};

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
// Frontier construction and length tuning
// ---------------------------------------------------------------------------------------------

const posOf = (c) => (Array.isArray(c) ? c : c.p);

/** Splits a segment's controls at gate vertices so gates stay exactly on the line. */
function buildSegment(seg, d, seed) {
  const ctl = seg.controls.map(posOf);
  const pinIdx = [0];
  seg.controls.forEach((c, i) => {
    if (!Array.isArray(c) && i > 0 && i < ctl.length - 1) pinIdx.push(i);
  });
  pinIdx.push(ctl.length - 1);
  const lat0 = ctl[0][1];
  const out = [ctl[0]];
  for (let k = 0; k < pinIdx.length - 1; k++) {
    const span = ctl.slice(pinIdx[k], pinIdx[k + 1] + 1);
    const f = fractalize(span, { d, minSeg: 220, seed: seed + k * 7919, lat0 });
    const s = chaikin(f, seg.chaikin);
    for (let i = 1; i < s.length; i++) out.push(s[i]);
  }
  out[out.length - 1] = ctl[ctl.length - 1];
  return out.map(round5);
}

function tune(seg, targetM, seed) {
  let lo = 0;
  let hi = 0.5;
  let best = buildSegment(seg, 0, seed);
  if (lineLength(best) >= targetM) return { line: best, d: 0 };
  let bestD = 0;
  for (let it = 0; it < 40; it++) {
    const mid = (lo + hi) / 2;
    const line = buildSegment(seg, mid, seed);
    const L = lineLength(line);
    if (Math.abs(L - targetM) < Math.abs(lineLength(best) - targetM)) [best, bestD] = [line, mid];
    if (L < targetM) lo = mid;
    else hi = mid;
  }
  return { line: best, d: bestD };
}

function buildFrontier(segments, targets, baseSeed) {
  const ctlLen = Object.fromEntries(segments.map((s) => [s.id, lineLength(s.controls.map(posOf))]));
  const lines = {};
  const info = {};
  for (const g of targets.groups) {
    const total = g.ids.reduce((s, id) => s + ctlLen[id], 0);
    for (const id of g.ids) {
      const seg = segments.find((s) => s.id === id);
      const target = (g.km * 1000 * ctlLen[id]) / total;
      // Try seeds until the segment has no self-intersection.
      for (let attempt = 0; attempt < 50; attempt++) {
        const seed = baseSeed + segments.indexOf(seg) * 1000 + attempt * 31;
        const { line, d } = tune(seg, target, seed);
        if (selfIntersections(line).length === 0) {
          lines[id] = line;
          info[id] = { d, seed, target };
          break;
        }
      }
      if (!lines[id]) throw new Error(`no clean line for ${id}`);
    }
  }
  return { lines, info };
}

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

// Waterways that constrain the frontier (built first)
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

// Binh Di: leaves the Bassac in Cambodia, forms the border along An Phu (the ag-2 frontier line
// is its course), then as the Chau Doc river runs south-east into the Hau at Chau Doc.
const BINH_DI_CORNER = [105.03, 10.755]; // end of ag-2: the river leaves the border here
const chauDocRiver = catmullRom(
  [
    BINH_DI_CORNER,
    [105.045, 10.75],
    [105.065, 10.738],
    [105.085, 10.727],
    [105.105, 10.716],
    CHAU_DOC_MOUTH,
  ],
  { step: 350, lat0: 10.73 },
).map(round5);

const VINH_TE_START = nearestVertex(chauDocRiver, [105.113, 10.713]);
const GIANG_THANH = catmullRom(
  [
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
const VINH_TE = straight(
  [
    VINH_TE_START,
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
);

// ---------------------------------------------------------------------------------------------
// Build: frontier, provinces
// ---------------------------------------------------------------------------------------------

function buildProvince(kind) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const seedBase = (kind === 'an_giang' ? 1000 : 5000) + attempt * 101;
    const segments = kind === 'an_giang' ? AG_SEGMENTS : LS_SEGMENTS;
    const { lines, info } = buildFrontier(segments, LENGTH_TARGETS[kind], seedBase);
    const full = concat(segments.map((s) => lines[s.id]));
    if (selfIntersections(full).length) continue;
    // The Vinh Te canal and the other inland waterways stay on the Vietnamese side.
    if (kind === 'an_giang' && (crossings(VINH_TE, full) || crossings(chauDocRiver.slice(1), full)))
      continue;
    let ring;
    if (kind === 'lang_son') {
      const inland = smoothBoundary(LS_INLAND, { d: 0.14, seed: seedBase + 7, lat0: 21.9 });
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
      const tien = tienLine.slice(
        indexOf(tienLine, TIEN_TRIPOINT),
        indexOf(tienLine, CHO_MOI_TIEN) + 1,
      );
      ring = concat([full, coast, southEast, [...hau].reverse(), choMoi, [...tien].reverse()]);
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
    if (selfIntersections(ring, true).length) continue;
    if (signedArea(ring) < 0) ring.reverse();
    return { lines, info, full, ring, segments };
  }
  throw new Error(`could not build ${kind} without self-intersections`);
}

const AG = buildProvince('an_giang');
const LS = buildProvince('lang_son');

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
// Border gates (positions are frontier vertices; see the control points above)
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
    'Land and river gate since 2023 (Tien River, facing Kaam Samnor, Kandal). Position approximate (about 1-2 km).',
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
    'Main gate facing Chrey Thom (Kandal), Long Binh - Chrey Thom border bridge. Position approximate (about 1 km).',
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
    'Facing Phnom Den (Takeo), end of national road 91. Position approximate (about 1-2 km).',
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
    line: catmullRom(
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
    ).map(round5),
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
  const a = pl.fwd(frontier[Math.max(0, k - 6)]);
  const b = pl.fwd(frontier[Math.min(frontier.length - 1, k + 7)]);
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
      properties: { id: s.id, province, neighbour, name_vi: s.name_vi, name_en: s.name_en },
      geometry: { type: 'LineString', coordinates: P.lines[s.id] },
    });
  }
}

const gatePos = {};
for (const P of [AG, LS]) {
  for (const s of P.segments)
    for (const c of s.controls) if (!Array.isArray(c)) gatePos[c.gate] = c.p;
}
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
    const i = P.info[s.id];
    console.log(
      `  ${s.id} ${km(lineLength(P.lines[s.id]))} km (controls ${km(lineLength(s.controls.map(posOf)))} km, d=${i.d.toFixed(3)}) ${s.name_en}`,
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
