/**
 * The "per patrol effort" mode of the hot-spot view (spread into messages.ts), Vietnamese
 * first: seizures weighed against the patrol-km spent in each cell (GET /api/effort).
 */
export const effortVi = {
  'hotspots.mode.effort': 'Theo tuần tra',
  'hotspots.hint.effort':
    'Số vụ so với số km tuần tra trong từng ô: ô nào thu giữ nhiều hơn hay ít hơn công sức tuần tra dự kiến.',
  'effort.legend': 'Màu ô: số vụ so với công sức tuần tra',
  'effort.status.more_than_effort': 'Nhiều hơn công sức tuần tra',
  'effort.status.as_expected': 'Đúng như công sức tuần tra',
  'effort.status.less_than_effort': 'Ít hơn công sức tuần tra',
  'effort.status.not_enough_patrol': 'Chưa đủ tuần tra để kết luận',
  'effort.statusHint.more_than_effort':
    'Thu giữ nhiều hơn hẳn mức trung bình của tỉnh trên mỗi km.',
  'effort.statusHint.as_expected': 'Không khác mức trung bình của tỉnh.',
  'effort.statusHint.less_than_effort':
    'Tuần tra nhiều nhưng thu giữ ít hơn hẳn mức trung bình của tỉnh.',
  'effort.statusHint.not_enough_patrol':
    'Quá ít km tuần tra (dự kiến dưới {min} vụ): không có vụ nào cũng chưa nói lên ô này "lạnh".',
  'effort.noPatrol': 'Ô không có tuần tra thì không tô màu.',
  'effort.test':
    'Kiểm định Poisson hai phía, mức ý nghĩa {alpha} %, so với mức chung {rate} vụ/100 km.',
  'effort.summary':
    '{more} ô nhiều hơn, {less} ô ít hơn công sức, {thin} ô chưa đủ tuần tra · {patrols} lượt tuần tra, {km} km',
  'effort.basis.plan': 'Công sức lấy từ kế hoạch (km tuyến × số ca mỗi tuần).',
  'effort.basis.patrols': 'Công sức lấy từ các lượt tuần tra đã ghi nhận.',
  'effort.none': 'Chưa có lượt tuần tra nào được ghi nhận trong khoảng thời gian này.',
} as const;

export const effortEn: Record<keyof typeof effortVi, string> = {
  'hotspots.mode.effort': 'Per patrol',
  'hotspots.hint.effort':
    'Seizures against the patrol-km spent in each cell: where patrols find more, or less, than their effort predicts.',
  'effort.legend': 'Cell colour: seizures against patrol effort',
  'effort.status.more_than_effort': 'More than the effort predicts',
  'effort.status.as_expected': 'As the effort predicts',
  'effort.status.less_than_effort': 'Less than the effort predicts',
  'effort.status.not_enough_patrol': 'Not enough patrol to tell',
  'effort.statusHint.more_than_effort': "Far more seizures per km than the province's average.",
  'effort.statusHint.as_expected': "No different from the province's average.",
  'effort.statusHint.less_than_effort':
    "Patrolled well, but far fewer seizures than the province's average.",
  'effort.statusHint.not_enough_patrol':
    'Too few patrol-km (under {min} seizures expected): even none found does not make the cell "cold".',
  'effort.noPatrol': 'Cells without patrol are not coloured.',
  'effort.test':
    'Two-sided Poisson test at {alpha} % against the overall {rate} seizures per 100 km.',
  'effort.summary':
    '{more} cells above, {less} below their effort, {thin} not enough patrol · {patrols} patrols, {km} km',
  'effort.basis.plan': 'Effort from the plan (route km × shifts per week).',
  'effort.basis.patrols': 'Effort from the patrols recorded.',
  'effort.none': 'No patrols recorded in this time window.',
};
