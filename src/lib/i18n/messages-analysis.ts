/**
 * The briefing's information exchange section and the risk from reports: Vietnamese first,
 * English with the same keys.
 */
export const analysisVi = {
  'briefing.exchange.title': 'Trao đổi thông tin giữa hai lực lượng',
  'briefing.exchange.agency': 'Lực lượng chuyển',
  'briefing.exchange.passed': 'Tin đã chuyển',
  'briefing.exchange.acknowledged': 'Đã xác nhận',
  'briefing.exchange.medianAck': 'Thời gian xác nhận (trung vị)',
  'briefing.exchange.valuable': 'Có giá trị',
  'briefing.exchange.seizure': 'Dẫn tới bắt giữ',
  'briefing.exchange.hours': '{n} giờ',
  'briefing.exchange.none': 'Trong kỳ chưa có tin nào được chuyển cho lực lượng kia.',
  'briefing.exchange.baseline':
    'Đối chiếu, tổng kết {period}: Biên phòng chuyển {bgPassed} nguồn tin, {bgValuable} có giá trị ({bgShare}); Hải quan chuyển {hqPassed}, {hqValuable} có giá trị ({hqShare}).',
  'briefing.exchange.method':
    'Chỉ tính các tin người đọc được phép xem, theo ngày bàn giao trong kỳ. Có giá trị = đánh giá của lực lượng nhận / số tin đã chuyển.',
  'briefing.plans.fromReports': 'rủi ro từ tin báo: {pct}',
};

export const analysisEn: Record<keyof typeof analysisVi, string> = {
  'briefing.exchange.title': 'Information exchange between the forces',
  'briefing.exchange.agency': 'Passed by',
  'briefing.exchange.passed': 'Reports passed',
  'briefing.exchange.acknowledged': 'Acknowledged',
  'briefing.exchange.medianAck': 'Time to acknowledge (median)',
  'briefing.exchange.valuable': 'Valuable',
  'briefing.exchange.seizure': 'Led to a seizure',
  'briefing.exchange.hours': '{n} h',
  'briefing.exchange.none': 'No report was passed to the other force in the period.',
  'briefing.exchange.baseline':
    'For reference, the {period} reviews: the Border Guard passed {bgPassed} sources, {bgValuable} valuable ({bgShare}); Customs passed {hqPassed}, {hqValuable} valuable ({hqShare}).',
  'briefing.exchange.method':
    'Only the reports the reader may see, by day of handover in the period. Valuable = the receiving force’s assessment / reports passed.',
  'briefing.plans.fromReports': 'risk from reports: {pct}',
};
