/**
 * Texts of the `cchc` command in Vietnamese and English.
 * @internal
 * @module
 */

/** A language of the command's output. @internal */
export type Lang = 'vi' | 'en';

/** The help of each sub-command. @internal */
export const HELP: Record<string, Record<Lang, string>> = {
  main: {
    vi: `cchc: tính Chỉ số CCHC, thống kê hồ sơ và cắt giảm thời gian TTHC từ file xuất (CSV, XLSX, JSON).

Cách dùng: cchc <lệnh> [tùy chọn]

Lệnh:
  validate <bộ-tiêu-chí.json>                 kiểm tra bộ tiêu chí, liệt kê mọi lỗi
  score <bộ-tiêu-chí.json> <chấm-điểm...>     bảng điểm từng đơn vị và xếp hạng
  dossiers <file-xuất> --from --to            bảng II.06a và các tỷ lệ
  reduction <thủ-tục.csv>                     tổng hợp cắt giảm thời gian giải quyết
  report <bộ-tiêu-chí.json> <chấm-điểm...> --html out.html
                                              báo cáo HTML có biểu đồ

Tùy chọn chung: --lang vi|en (mặc định vi), --help
Xem "cchc <lệnh> --help" cho từng lệnh.`,
    en: `cchc: administrative-reform index scores, dossier statistics and procedure time reduction from exports (CSV, XLSX, JSON).

Usage: cchc <command> [options]

Commands:
  validate <rule-set.json>                    check a rule set, list every problem
  score <rule-set.json> <assessments...>      a table per unit and the ranking
  dossiers <export> --from --to               the II.06a table and rates
  reduction <procedures.csv>                  the time-reduction summary
  report <rule-set.json> <assessments...> --html out.html
                                              an HTML report with charts

Common options: --lang vi|en (default vi), --help
See "cchc <command> --help" for each command.`,
  },
  validate: {
    vi: `Cách dùng: cchc validate <bộ-tiêu-chí.json> [--format table|json] [--lang vi|en]

Kiểm tra bộ tiêu chí và liệt kê mọi lỗi (đường dẫn và nội dung). Mã thoát 1 khi có lỗi.`,
    en: `Usage: cchc validate <rule-set.json> [--format table|json] [--lang vi|en]

Checks a rule set and lists every problem (path and message). Exit code 1 when there is any.`,
  },
  score: {
    vi: `Cách dùng: cchc score <bộ-tiêu-chí.json> <chấm-điểm...> [--format table|json|csv|md] [--period KỲ] [--lang vi|en]

Chấm điểm từng đơn vị theo bộ tiêu chí: bảng điểm theo lĩnh vực của mỗi đơn vị và bảng xếp hạng.
File chấm điểm: JSON (một hoặc nhiều bản chấm), NDJSON, hoặc CSV/XLSX với các cột
"Mã đơn vị", "Kỳ đánh giá", "Mã tiêu chí", "Vòng chấm", "Điểm" (--period khi không có cột kỳ).`,
    en: `Usage: cchc score <rule-set.json> <assessments...> [--format table|json|csv|md] [--period P] [--lang vi|en]

Scores every unit against the rule set: a table of field scores per unit and the ranking.
Assessment files: JSON (one or a list), NDJSON, or CSV/XLSX with the columns "Mã đơn vị",
"Kỳ đánh giá", "Mã tiêu chí", "Vòng chấm", "Điểm" (--period when there is no period column).`,
  },
  dossiers: {
    vi: `Cách dùng: cchc dossiers <file-xuất.csv|xlsx|json|ndjson> --from YYYY-MM-DD --to YYYY-MM-DD
                     [--by unit|procedure|month] [--format table|json|csv|md]
                     [--as-of THỜI-ĐIỂM] [--basis resolved|due|toProcess|portal766]
                     [--delimiter ,|;|tab] [--encoding utf8] [--sheet TÊN]
                     [--duplicates error|first|unchecked] [--skip-bad-rows] [--threads N]
                     [--lang vi|en]

Bảng tình hình, kết quả giải quyết TTHC (Biểu II.06a) của kỳ, theo đơn vị, thủ tục hoặc tháng,
kèm tỷ lệ đúng hạn và tỷ lệ tiếp nhận trực tuyến. Cột của file được nhận theo tên tiếng Việt
("Mã hồ sơ", "Kênh nộp", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả", "Trạng thái"...).
--skip-bad-rows: bỏ qua dòng lỗi nhưng liệt kê chúng (stderr) thay vì dừng.
--threads N: số luồng đọc file CSV lớn (mặc định: theo số nhân CPU, tối đa 4; 1: một luồng).`,
    en: `Usage: cchc dossiers <export.csv|xlsx|json|ndjson> --from YYYY-MM-DD --to YYYY-MM-DD
                     [--by unit|procedure|month] [--format table|json|csv|md]
                     [--as-of TIME] [--basis resolved|due|toProcess|portal766]
                     [--delimiter ,|;|tab] [--encoding utf8] [--sheet NAME]
                     [--duplicates error|first|unchecked] [--skip-bad-rows] [--threads N]
                     [--lang vi|en]

The II.06a table of the period (dossiers received, resolved, pending), by unit, procedure or
month, with the on-time rate and the online share. Columns are recognised by their Vietnamese
headers ("Mã hồ sơ", "Kênh nộp", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả", ...).
--skip-bad-rows: leave bad rows out but list them (stderr) instead of stopping.
--threads N: threads that read a large CSV file (default: one per core, at most 4; 1: one).`,
  },
  reduction: {
    vi: `Cách dùng: cchc reduction <thủ-tục.csv|xlsx|json> [--method pooled|mean] [--format table|json|csv|md] [--lang vi|en]

Tổng hợp rà soát, cắt giảm thời gian giải quyết TTHC: số TTHC, tổng thời gian trước và sau,
thời gian cắt giảm và tỷ lệ. Cột: "Mã TTHC", "Tên TTHC", "Thời gian trước cắt giảm",
"Thời gian sau cắt giảm", "Đơn vị tính".`,
    en: `Usage: cchc reduction <procedures.csv|xlsx|json> [--method pooled|mean] [--format table|json|csv|md] [--lang vi|en]

The procedure time-reduction summary: procedures reviewed, total times before and after, time
cut and rate. Columns: "Mã TTHC", "Tên TTHC", "Thời gian trước cắt giảm", "Thời gian sau cắt
giảm", "Đơn vị tính".`,
  },
  report: {
    vi: `Cách dùng: cchc report <bộ-tiêu-chí.json> <chấm-điểm...> --html out.html
                   [--dossiers file-xuất --from --to] [--procedures thủ-tục.csv]
                   [--title TIÊU-ĐỀ] [--period KỲ] [--lang vi|en]

Ghi báo cáo HTML một file (không cần mạng, không tài nguyên ngoài) với biểu đồ SVG: điểm theo
lĩnh vực so với điểm tối đa của từng đơn vị, xếp hạng, tỷ lệ giải quyết hồ sơ đúng hạn.`,
    en: `Usage: cchc report <rule-set.json> <assessments...> --html out.html
                   [--dossiers export --from --to] [--procedures procedures.csv]
                   [--title TITLE] [--period P] [--lang vi|en]

Writes a one-file HTML report (no network, no external assets) with SVG charts: field scores
against maxima per unit, the ranking, the dossier timeliness shares.`,
  },
};

/** Short texts. @internal */
export const T = {
  vi: {
    valid: (id: string, version: string) => `Bộ tiêu chí ${id} (phiên bản ${version}) hợp lệ.`,
    invalid: (n: number) => `Bộ tiêu chí có ${n} lỗi:`,
    warnings: (n: number) => `${n} cảnh báo:`,
    unknownCommand: (c: string) => `Lệnh không có: ${c}. Xem "cchc --help".`,
    missingArg: (what: string) => `Thiếu ${what}. Xem "--help".`,
    badRows: (n: number) => `${n} dòng lỗi đã bị bỏ qua:`,
    wrote: (file: string) => `Đã ghi ${file}.`,
    ranking: 'Xếp hạng',
    unit: 'Đơn vị',
    field: 'Lĩnh vực',
    points: 'Điểm',
    max: 'Tối đa',
    percent: 'Tỷ lệ',
    index: 'Chỉ số',
    band: 'Xếp loại',
    rank: 'Hạng',
    total: 'Tổng',
    group: { unit: 'Đơn vị', procedure: 'Mã TTHC', month: 'Tháng' },
    none: '(không có)',
    cols: [
      'Tổng tiếp nhận',
      'Kỳ trước',
      'Trực tuyến',
      'Trực tiếp',
      'BCCI',
      'Đã giải quyết',
      'Trước hạn',
      'Đúng hạn',
      'Quá hạn',
      'Đang giải quyết',
      'Trong hạn',
      'Quá hạn',
      'Tỷ lệ đúng hạn',
      'Tỷ lệ trực tuyến',
    ],
    reductionCols: ['Mã TTHC', 'Tên TTHC', 'Trước', 'Sau', 'Cắt giảm', 'Tỷ lệ'],
    title: 'Báo cáo Chỉ số cải cách hành chính',
  },
  en: {
    valid: (id: string, version: string) => `Rule set ${id} (version ${version}) is valid.`,
    invalid: (n: number) => `The rule set has ${n} problem${n === 1 ? '' : 's'}:`,
    warnings: (n: number) => `${n} warning${n === 1 ? '' : 's'}:`,
    unknownCommand: (c: string) => `No such command: ${c}. See "cchc --help".`,
    missingArg: (what: string) => `Missing ${what}. See "--help".`,
    badRows: (n: number) => `${n} bad row${n === 1 ? ' was' : 's were'} left out:`,
    wrote: (file: string) => `Wrote ${file}.`,
    ranking: 'Ranking',
    unit: 'Unit',
    field: 'Field',
    points: 'Points',
    max: 'Max',
    percent: 'Percent',
    index: 'Index',
    band: 'Band',
    rank: 'Rank',
    total: 'Total',
    group: { unit: 'Unit', procedure: 'Procedure', month: 'Month' },
    none: '(none)',
    cols: [
      'Received',
      'Carried over',
      'Online',
      'In person',
      'Postal',
      'Resolved',
      'Early',
      'On time',
      'Late',
      'Pending',
      'Within deadline',
      'Overdue',
      'On-time rate',
      'Online share',
    ],
    reductionCols: ['Code', 'Name', 'Before', 'After', 'Reduced', 'Rate'],
    title: 'Administrative reform index report',
  },
} as const;
