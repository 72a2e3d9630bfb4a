// What the project claims about each frontier segment's position, shown where the line is
// clicked: `accuracy_m` and a short note in each language. The reasons are in ../README.md
// ("Accuracy"); the measured distances to Natural Earth are filled in by build.mjs.
//
// The evidence for the claims: Natural Earth's line lies 1.1 km from border marker 314 (An
// Giang), and 1.6-2.6 km from the published positions of the Chi Ma, Huu Nghi and Tan Thanh
// gates (Lang Son). Where the line follows Natural Earth it can be no better than that.

const NE = {
  en: 'Natural Earth 1:10m line, smoothed',
  vi: 'Theo đường Natural Earth 1:10m, làm trơn',
};
const LS_NE = {
  en: 'Natural Earth is 1.6-2.6 km off at the published Lang Son gates.',
  vi: 'Natural Earth lệch 1,6-2,6 km tại các cửa khẩu đã công bố ở Lạng Sơn.',
};
const AG_NE = {
  en: 'Natural Earth is 1.1 km off at border marker 314.',
  vi: 'Natural Earth lệch 1,1 km tại mốc 314.',
};
const BENDS = { en: 'Small bends not drawn.', vi: 'Không vẽ các khúc uốn nhỏ.' };

/** Per segment: claimed accuracy (metres), how the line was drawn, and why the claim. */
export const ACCURACY = {
  'ag-1': { m: 2000, how: NE, why: AG_NE },
  'ag-2': {
    m: 2000,
    how: NE,
    why: {
      en: 'The Binh Di river is the border here.',
      vi: 'Sông Bình Di là biên giới ở đoạn này.',
    },
  },
  'ag-3': { m: 2000, how: NE, why: AG_NE },
  'ag-4': {
    m: 3000,
    how: NE,
    why: {
      en: 'It would cut a straight Vinh Te canal (in Viet Nam) by up to 4 km; the canal is drawn bent to stay inside.',
      vi: 'Đường này cắt kênh Vĩnh Tế (nếu vẽ thẳng) tới 4 km; kênh được vẽ uốn để nằm trong lãnh thổ Việt Nam.',
    },
  },
  'ag-5': { m: 2000, how: NE, why: AG_NE },
  'ag-6': {
    m: 1500,
    how: {
      en: 'Drawn along Natural Earth 1:10m, moved onto border marker 314 (published position)',
      vi: 'Vẽ theo Natural Earth 1:10m, dời về mốc 314 (vị trí đã công bố)',
    },
    why: {
      en: 'About 0.5 km at the marker, 2 km towards Giang Thanh.',
      vi: 'Khoảng 0,5 km tại mốc, 2 km về phía Giang Thành.',
    },
  },
  'ls-1': { m: 2500, how: NE, why: LS_NE },
  'ls-2': { m: 2500, how: NE, why: LS_NE },
  'ls-3': {
    m: 2000,
    how: {
      en: 'Natural Earth 1:10m to Na Hinh, then through the published Tan Thanh gate position',
      vi: 'Theo Natural Earth 1:10m đến Na Hình, rồi qua vị trí đã công bố của cửa khẩu Tân Thanh',
    },
    why: {
      en: 'About 0.5 km at Tan Thanh; Natural Earth puts Tan Thanh in China.',
      vi: 'Khoảng 0,5 km tại Tân Thanh; Natural Earth đặt Tân Thanh trong lãnh thổ Trung Quốc.',
    },
  },
  'ls-4': {
    m: 1500,
    how: {
      en: 'Through the published Huu Nghi gate position, then straight to Po Nhung and along Natural Earth 1:10m',
      vi: 'Qua vị trí đã công bố của cửa khẩu Hữu Nghị, thẳng đến Pò Nhùng rồi theo Natural Earth 1:10m',
    },
    why: {
      en: 'About 0.5 km at Huu Nghi; Natural Earth puts Huu Nghi in China.',
      vi: 'Khoảng 0,5 km tại Hữu Nghị; Natural Earth đặt Hữu Nghị trong lãnh thổ Trung Quốc.',
    },
  },
  'ls-5': { m: 2500, how: NE, why: LS_NE },
  'ls-6': {
    m: 2000,
    how: {
      en: 'Drawn along Natural Earth 1:10m, moved onto the Chi Ma gate (beside Aidian port, published position)',
      vi: 'Vẽ theo Natural Earth 1:10m, dời về cửa khẩu Chi Ma (cạnh cửa khẩu Ái Điếm, vị trí đã công bố)',
    },
    why: {
      en: 'About 0.5 km at Chi Ma, 2.5 km towards Mau Son.',
      vi: 'Khoảng 0,5 km tại Chi Ma, 2,5 km về phía Mẫu Sơn.',
    },
  },
  'ls-7': { m: 2500, how: NE, why: LS_NE },
};

/** Metres below 1 km (to 10 m), else kilometres to 0.1; Vietnamese uses a decimal comma. */
const distance = (m, lang) => {
  if (m < 5) return lang === 'vi' ? 'dưới 10 m' : 'under 10 m';
  if (m < 950) return `${Math.round(m / 10) * 10} m`;
  const s = (m / 1000).toFixed(m % 1000 === 0 ? 0 : 1);
  return `${lang === 'vi' ? s.replace('.', ',') : s} km`;
};

/** The segment's accuracy properties, with its measured distance to Natural Earth's line. */
export function accuracyProperties(id, { meanM, maxM }) {
  const a = ACCURACY[id];
  if (!a) throw new Error(`no accuracy claim for frontier segment ${id}`);
  const note = (lang) => {
    const [mean, max, claim] = [meanM, maxM, a.m].map((m) => distance(m, lang));
    const measured =
      lang === 'vi'
        ? `cách Natural Earth trung bình ${mean}, tối đa ${max}`
        : `on average ${mean} from Natural Earth, at most ${max}`;
    const within = lang === 'vi' ? `Sai số khoảng ${claim}.` : `Within about ${claim}.`;
    return `${within} ${a.how[lang]}; ${measured}. ${a.why[lang]} ${BENDS[lang]}`;
  };
  return { accuracy_m: a.m, accuracy_note_vi: note('vi'), accuracy_note_en: note('en') };
}
