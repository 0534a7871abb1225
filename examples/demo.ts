/**
 * Prints the worked figures of real Vietnamese reform reports (shared/DOMAIN.md), recomputed by
 * cchc-index and written the Vietnamese way. Run: `npm run demo`.
 */
import {
  apportion,
  channelShares,
  checkTarget,
  formatCount,
  formatNumber,
  formatPercent,
  taskCompletion,
  timeliness,
  timeReduction,
} from '../src/index.js';

const line = (text: string) => console.log(text);
const pct = (ratio: number | null, decimals = 2) => formatPercent(ratio, { decimals, trimZeros: true });

line('cchc-index — số liệu mẫu từ các báo cáo CCHC thực tế');
line('');

// Lộc Bình (Lạng Sơn), 6 tháng 2024: 07 TTHC, 91,5 → 63 ngày.
const review = timeReduction({ before: 91.5, after: 63 });
line('Lộc Bình (Lạng Sơn), 6 tháng đầu năm 2024');
line(
  `  Tổng số TTHC được thực hiện rà soát: ${formatCount(7)} TTHC; thời gian trước rà soát ${formatNumber(review.before)} ngày, sau rà soát ${formatNumber(review.after)} ngày;`,
);
line(`  cắt giảm ${formatNumber(review.reduced)} ngày. Tỷ lệ cắt giảm: ${pct(review.rate, 1)}.`);
const locBinh = { received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 673 } };
const channels = channelShares(locBinh);
line(
  `  Tiếp nhận ${formatNumber(channels.received)} hồ sơ: ${formatNumber(channels.online)} trực tuyến (${pct(channels.onlineShare)}), ${formatNumber(channels.inPerson)} trực tiếp.`,
);
line(`  Giải quyết trước hạn và đúng hạn: ${pct(timeliness(locBinh).onTimeOrEarlyRate)}.`);
line('');

// Thái Bình, 2020 đến hết tháng 11.
const thaiBinh = timeliness({ resolved: { early: 52006, onTime: 9942, late: 5 } });
const shares = apportion([thaiBinh.early, thaiBinh.onTime, thaiBinh.late]) ?? [];
line('Thái Bình, năm 2020 (đến hết tháng 11)');
line(
  `  Đã giải quyết ${formatNumber(thaiBinh.resolved)} hồ sơ: trước hạn ${formatNumber(thaiBinh.early)} (${formatNumber(shares[0] ?? null, { decimals: 2 })}%), đúng hạn ${formatNumber(thaiBinh.onTime)} (${formatNumber(shares[1] ?? null, { decimals: 2 })}%), quá hạn ${formatCount(thaiBinh.late)} (${formatNumber(shares[2] ?? null, { decimals: 2 })}%).`,
);
line('');

// Lâm Đồng Q1/2020 and Vĩnh Phúc 8/2021: two bases.
const lamDong = timeliness({ resolved: { onTime: 635593, late: 643272 - 635593 } });
line(
  `Lâm Đồng, quý I/2020: ${formatNumber(635593)} / ${formatNumber(643272)} hồ sơ đúng và trước hạn = ${pct(lamDong.onTimeOrEarlyRate)}.`,
);
const vinhPhuc = timeliness({ resolved: { onTime: 19255 }, pending: { overdue: 689 } }, { basis: 'due' });
line(
  `Vĩnh Phúc, tháng 8/2021 (trên hồ sơ đến hạn): ${pct(vinhPhuc.onTimeOrEarlyRate)} đúng hạn, ${pct(vinhPhuc.lateRate)} quá hạn.`,
);
line('');

// Đắk Song (Đắk Nông), 6 tháng 2023.
const plan = taskCompletion({ done: 41, total: 57 });
const selfPart = taskCompletion({ done: 61, total: 90 });
line('Đắk Song (Đắk Nông), 6 tháng đầu năm 2023');
line(`  Kế hoạch CCHC: hoàn thành ${plan.done}/${plan.total} nhiệm vụ = ${pct(plan.rate)}.`);
line(
  `  Chỉ số: ${selfPart.done}/${selfPart.total} điểm tự đánh giá = ${pct(selfPart.rate)} (10 điểm UBND tỉnh đánh giá chưa có).`,
);
const target = checkTarget(1, { min: 0.95 });
line(`  Mục tiêu giải quyết đúng hạn ≥ 95%: ${target.met ? 'đạt' : 'chưa đạt'}.`);
line('');

// Bắc Ninh: two procedures.
const bacNinh = timeReduction([
  { before: 20, after: 5 },
  { before: 3, after: 2 },
]);
line(
  `Bắc Ninh: 20 → 5 ngày = ${pct(bacNinh.items[0]?.rate ?? null, 0)}; 3 → 2 ngày = ${pct(bacNinh.items[1]?.rate ?? null, 0)}.`,
);
