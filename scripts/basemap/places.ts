/**
 * Place names for the offline basemap, authored by the project: towns and cities near the two
 * frontiers and a few capitals for the zoomed-out view. Coordinates are APPROXIMATE (town centres
 * from general geographic knowledge, good to about 1-2 km), for orientation only; see
 * geodata/basemap/README.md. `rank` decides from which zoom a name shows (src/lib/map/offline-style.ts).
 */
export type PlaceRank = 'major' | 'city' | 'town';

export interface Place {
  name_vi: string;
  name_en: string;
  /** ISO 3166-1 alpha-2 of the country the place is in. */
  country: 'VN' | 'KH' | 'CN' | 'LA' | 'TH';
  rank: PlaceRank;
  lon: number;
  lat: number;
}

const p = (
  name_vi: string,
  name_en: string,
  country: Place['country'],
  rank: PlaceRank,
  lon: number,
  lat: number,
): Place => ({ name_vi, name_en, country, rank, lon, lat });

export const PLACES: Place[] = [
  // Capitals and the largest cities, named from the view of both frontiers on.
  p('Hà Nội', 'Hanoi', 'VN', 'major', 105.854, 21.029),
  p('TP. Hồ Chí Minh', 'Ho Chi Minh City', 'VN', 'major', 106.7, 10.776),
  p('Phnôm Pênh', 'Phnom Penh', 'KH', 'major', 104.916, 11.562),
  p('Viêng Chăn', 'Vientiane', 'LA', 'major', 102.633, 17.975),
  p('Băng Cốc', 'Bangkok', 'TH', 'major', 100.502, 13.756),
  p('Nam Ninh', 'Nanning', 'CN', 'major', 108.32, 22.817),
  p('Huế', 'Hue', 'VN', 'city', 107.585, 16.463),
  p('Đà Nẵng', 'Da Nang', 'VN', 'city', 108.221, 16.068),

  // An Giang and its surroundings.
  p('Long Xuyên', 'Long Xuyen', 'VN', 'city', 105.435, 10.386),
  p('Rạch Giá', 'Rach Gia', 'VN', 'city', 105.08, 10.012),
  p('Cần Thơ', 'Can Tho', 'VN', 'city', 105.784, 10.045),
  p('Châu Đốc', 'Chau Doc', 'VN', 'city', 105.117, 10.705),
  p('Hà Tiên', 'Ha Tien', 'VN', 'city', 104.488, 10.383),
  p('Tân Châu', 'Tan Chau', 'VN', 'town', 105.24, 10.8),
  p('Tri Tôn', 'Tri Ton', 'VN', 'town', 104.997, 10.418),
  p('Kiên Lương', 'Kien Luong', 'VN', 'town', 104.645, 10.253),
  p('Phú Quốc', 'Phu Quoc', 'VN', 'town', 103.959, 10.217),
  p('Ta Keo', 'Takeo', 'KH', 'city', 104.785, 10.99),
  p('Kampốt', 'Kampot', 'KH', 'city', 104.181, 10.61),
  p('Kép', 'Kep', 'KH', 'town', 104.316, 10.483),
  p('Neak Lương', 'Neak Loeung', 'KH', 'town', 105.28, 11.262),

  // Lang Son and its surroundings.
  p('Lạng Sơn', 'Lang Son', 'VN', 'city', 106.761, 21.853),
  p('Đồng Đăng', 'Dong Dang', 'VN', 'town', 106.698, 21.943),
  p('Lộc Bình', 'Loc Binh', 'VN', 'town', 106.921, 21.757),
  p('Na Sầm', 'Na Sam', 'VN', 'town', 106.615, 22.06),
  p('Thất Khê', 'That Khe', 'VN', 'town', 106.473, 22.255),
  p('Đình Lập', 'Dinh Lap', 'VN', 'town', 107.097, 21.542),
  p('Đồng Mỏ', 'Dong Mo', 'VN', 'town', 106.575, 21.66),
  p('Bắc Sơn', 'Bac Son', 'VN', 'town', 106.322, 21.899),
  p('Hữu Lũng', 'Huu Lung', 'VN', 'town', 106.344, 21.506),
  p('Cao Bằng', 'Cao Bang', 'VN', 'city', 106.258, 22.666),
  p('Móng Cái', 'Mong Cai', 'VN', 'city', 107.966, 21.525),
  p('Hạ Long', 'Ha Long', 'VN', 'city', 107.084, 20.951),
  p('Bắc Giang', 'Bac Giang', 'VN', 'city', 106.194, 21.273),
  p('Thái Nguyên', 'Thai Nguyen', 'VN', 'city', 105.848, 21.594),
  p('Bằng Tường', 'Pingxiang', 'CN', 'city', 106.752, 22.094),
  p('Ninh Minh', 'Ningming', 'CN', 'town', 107.076, 22.14),
  p('Long Châu', 'Longzhou', 'CN', 'town', 106.854, 22.343),
  p('Sùng Tả', 'Chongzuo', 'CN', 'city', 107.365, 22.378),
  p('Đông Hưng', 'Dongxing', 'CN', 'city', 107.97, 21.548),
];

/** Country names, and where to write them when the map shows the whole region. */
export const COUNTRIES: {
  iso: Place['country'];
  numeric: string;
  name_vi: string;
  name_en: string;
  label: [number, number];
}[] = [
  { iso: 'VN', numeric: '704', name_vi: 'VIỆT NAM', name_en: 'VIET NAM', label: [105.6, 19.3] },
  { iso: 'KH', numeric: '116', name_vi: 'CAMPUCHIA', name_en: 'CAMBODIA', label: [104.6, 12.7] },
  { iso: 'LA', numeric: '418', name_vi: 'LÀO', name_en: 'LAOS', label: [102.9, 19.6] },
  { iso: 'TH', numeric: '764', name_vi: 'THÁI LAN', name_en: 'THAILAND', label: [101.3, 15.6] },
  { iso: 'CN', numeric: '156', name_vi: 'TRUNG QUỐC', name_en: 'CHINA', label: [106.5, 24.2] },
];
