//! Vietnamese for diagnostics.
//!
//! Diagnostics are built in English where they are found (validation, YAML parsing). This
//! table gives, per code, each English message template (`{}` marks a value) and its Vietnamese
//! form (`{0}`, `{1}` … the values in order). A message without an entry stays in English; the
//! test `every_fixture_diagnostic_is_translated` keeps the table in step with the checks.

use super::Code;

/// (code, English template, Vietnamese template). `None` as code: any code (shared helps).
const TABLE: &[(Option<Code>, &str, &str)] = &[
    // Reading files.
    (
        Some(Code::CK001),
        "cannot read the file: {}",
        "không đọc được tệp: {0}",
    ),
    (
        Some(Code::CK001),
        "the file is not valid UTF-8",
        "tệp không ở dạng mã hóa UTF-8",
    ),
    (
        Some(Code::CK001),
        "there is no `content/` folder here",
        "ở đây không có thư mục `content/`",
    ),
    (
        None,
        "check that the file exists and can be read",
        "kiểm tra tệp có tồn tại và đọc được không",
    ),
    (
        None,
        "save the file as UTF-8 (most editors: File → Save with Encoding → UTF-8)",
        "lưu tệp với mã hóa UTF-8 (trong hầu hết trình soạn thảo: File → Save with Encoding → UTF-8)",
    ),
    (
        None,
        "run congkhai in a site folder, pass `--root DIR`, or create one with `congkhai init DIR`",
        "chạy congkhai trong thư mục trang, thêm `--root THƯ-MỤC`, hoặc tạo trang mới bằng `congkhai init THƯ-MỤC`",
    ),
    (
        Some(Code::CK001),
        "cannot write the site: {}",
        "không ghi được trang: {0}",
    ),
    (
        None,
        "check that the output folder's parent exists and is writable; the previous site was left as it was",
        "kiểm tra thư mục chứa thư mục xuất có tồn tại và ghi được không; trang cũ được giữ nguyên",
    ),
    // YAML syntax.
    (
        None,
        "check indentation, colons after keys, and quotes around text that contains `: ` or `#`",
        "kiểm tra thụt lề, dấu hai chấm sau tên khóa, và đặt trong ngoặc kép những đoạn văn có `: ` hoặc `#`",
    ),
    (
        Some(Code::CK003),
        "a Markdown record must start with a `---` line",
        "hồ sơ Markdown phải bắt đầu bằng một dòng `---`",
    ),
    (
        Some(Code::CK003),
        "the front matter is not closed",
        "phần đầu YAML chưa được đóng",
    ),
    (None, "opened here", "mở ở đây"),
    (
        None,
        "put the record's YAML between two `---` lines at the top, then the guide in Markdown",
        "đặt phần YAML của hồ sơ giữa hai dòng `---` ở đầu tệp, sau đó là hướng dẫn bằng Markdown",
    ),
    (
        None,
        "add a line with only `---` after the last key of the record",
        "thêm một dòng chỉ có `---` sau khóa cuối cùng của hồ sơ",
    ),
    // Keys and types.
    (
        Some(Code::CK011),
        "unknown key `{}`",
        "khóa `{0}` không có trong mẫu hồ sơ",
    ),
    (
        None,
        "not a key of a procedure",
        "không phải khóa của hồ sơ thủ tục",
    ),
    (None, "not a key of {}", "không phải khóa của {0}"),
    (
        None,
        "did you mean `{}`? ({})",
        "có phải ý bạn là `{0}` ({1})?",
    ),
    (
        None,
        "did you mean `{}`? allowed: {}",
        "có phải ý bạn là `{0}`? Các giá trị được phép: {1}",
    ),
    (None, "did you mean `{}`?", "có phải ý bạn là `{0}`?"),
    (
        None,
        "the keys allowed here are: {}",
        "các khóa được phép ở đây: {0}",
    ),
    (
        Some(Code::CK010),
        "missing required key `{}` ({})",
        "thiếu khóa bắt buộc `{0}` ({1})",
    ),
    (
        Some(Code::CK010),
        "missing required key `{}`",
        "thiếu khóa bắt buộc `{0}`",
    ),
    (None, "`{}` is missing here", "thiếu `{0}` ở đây"),
    (
        None,
        "add `{}:` with a value; see `congkhai schema` for its shape",
        "thêm `{0}:` kèm giá trị; xem cấu trúc bằng `congkhai schema`",
    ),
    (
        Some(Code::CK010),
        "`{}` ({}) is empty",
        "`{0}` ({1}) đang để trống",
    ),
    (
        None,
        "the law requires every procedure to state its {}; add at least one item",
        "pháp luật yêu cầu mọi thủ tục nêu rõ {0}; hãy thêm ít nhất một mục",
    ),
    (
        Some(Code::CK013),
        "`{}` is not an allowed value",
        "`{0}` không phải giá trị được phép",
    ),
    (None, "not allowed here", "không được phép ở đây"),
    (
        None,
        "write one of: {}",
        "hãy viết một trong các giá trị: {0}",
    ),
    (Some(Code::CK012), "expected {} here", "ở đây cần {0}"),
    (
        Some(Code::CK012),
        "expected {}, found {}",
        "cần {0}, nhưng gặp {1}",
    ),
    (None, "wrong type", "sai kiểu"),
    (
        Some(Code::CK016),
        "invalid value {}, expected {}",
        "giá trị {0} không hợp lệ, cần {1}",
    ),
    (None, "invalid value", "giá trị không hợp lệ"),
    (
        Some(Code::CK014),
        "the key `{}` appears twice",
        "khóa `{0}` xuất hiện hai lần",
    ),
    (None, "second occurrence", "lần xuất hiện thứ hai"),
    (
        None,
        "keep one of them: YAML would silently drop the other",
        "chỉ giữ một: YAML sẽ lặng lẽ bỏ mất một trong hai",
    ),
    (
        None,
        "write a list: one `- item` per line under the key",
        "viết một danh sách: mỗi mục một dòng `- mục` dưới khóa",
    ),
    (
        None,
        "write text; put it in double quotes if it contains `: ` or starts with a digit",
        "viết văn bản; đặt trong ngoặc kép nếu có `: ` hoặc bắt đầu bằng chữ số",
    ),
    (
        None,
        "write a whole number without dots or spaces, for example 8000",
        "viết số nguyên, không dấu chấm hay khoảng trắng, ví dụ 8000",
    ),
    (
        None,
        "write `true` or `false`",
        "viết `true` (có) hoặc `false` (không)",
    ),
    (
        None,
        "write a mapping: `key: value` lines indented under this key",
        "viết các dòng `khóa: giá trị`, thụt lề dưới khóa này",
    ),
    (None, "write {}", "hãy viết {0}"),
    // Dates.
    (
        Some(Code::CK015),
        "invalid date `{}`: {}",
        "ngày `{0}` không hợp lệ: {1}",
    ),
    (
        None,
        "write dates as YYYY-MM-DD, for example 2026-03-15",
        "viết ngày dạng YYYY-MM-DD, ví dụ 2026-03-15",
    ),
    // Dossier entries.
    (
        Some(Code::CK016),
        "a dossier entry has both `name` and `items`: write a document `{name, originals, copies}` or a group `{case, mode, items}`",
        "một mục hồ sơ có cả `name` và `items`: hãy viết một giấy tờ `{name, originals, copies}` hoặc một nhóm `{case, mode, items}`",
    ),
    (
        Some(Code::CK016),
        "a dossier entry needs `name` (a document) or `items` (a group of documents)",
        "một mục hồ sơ cần `name` (một giấy tờ) hoặc `items` (một nhóm giấy tờ)",
    ),
    (
        Some(Code::CK016),
        "`case` and `mode` belong to a group: put this document under `items:` of a group",
        "`case` và `mode` thuộc về một nhóm: hãy đặt giấy tờ này dưới `items:` của một nhóm",
    ),
    (
        Some(Code::CK016),
        "`originals`, `copies` and `form` belong to a document: put them on an item under `items:`",
        "`originals`, `copies` và `form` thuộc về một giấy tờ: hãy ghi chúng cho một mục dưới `items:`",
    ),
    // Codes, slugs, URLs.
    (
        Some(Code::CK016),
        "the procedure code is empty",
        "mã thủ tục đang để trống",
    ),
    (
        None,
        "write the national code, for example `code: \"1.001193\"`",
        "viết mã thủ tục quốc gia, ví dụ `code: \"1.001193\"`",
    ),
    (
        Some(Code::CK020),
        "the code `{}` is already used by {}",
        "mã `{0}` đã được dùng ở {1}",
    ),
    (None, "duplicate code", "mã bị trùng"),
    (
        None,
        "each procedure has its own code; check which of the two files has the wrong one",
        "mỗi thủ tục có một mã riêng; hãy xem tệp nào trong hai tệp ghi sai mã",
    ),
    (
        Some(Code::CK016),
        "the title gives an empty URL",
        "tên thủ tục cho ra đường dẫn rỗng",
    ),
    (
        None,
        "write a title with letters, or set `slug:`",
        "viết tên có chữ cái, hoặc đặt `slug:`",
    ),
    (
        Some(Code::CK021),
        "this procedure would be published at /thu-tuc/{}/, like {}",
        "thủ tục này sẽ có địa chỉ /thu-tuc/{0}/, trùng với {1}",
    ),
    (None, "same URL", "trùng địa chỉ"),
    (
        None,
        "set a distinct `slug:` in one of the two files, for example with the level or the place",
        "đặt `slug:` khác nhau ở một trong hai tệp, ví dụ thêm cấp thực hiện hoặc địa danh",
    ),
    (
        Some(Code::CK016),
        "the slug `{}` is not a URL slug",
        "`{0}` không phải đường dẫn hợp lệ",
    ),
    (
        None,
        "write `{}`, or remove `slug:` to derive it from the title",
        "hãy viết `{0}`, hoặc bỏ `slug:` để lấy theo tên thủ tục",
    ),
    // Free pages.
    (
        None,
        "write `{}`, or remove `slug:` to use the file name",
        "hãy viết `{0}`, hoặc bỏ `slug:` để lấy theo tên tệp",
    ),
    (
        None,
        "write lowercase ASCII letters, digits and `-`, for example `slug: gioi-thieu`, or remove `slug:` to use the file name",
        "viết chữ thường không dấu, chữ số và dấu `-`, ví dụ `slug: gioi-thieu`, hoặc bỏ `slug:` để lấy theo tên tệp",
    ),
    (
        Some(Code::CK016),
        "the file name gives an empty URL",
        "tên tệp cho ra đường dẫn rỗng",
    ),
    (
        None,
        "rename the file with letters or digits, or write `slug:`",
        "đổi tên tệp cho có chữ cái hoặc chữ số, hoặc đặt `slug:`",
    ),
    (
        Some(Code::CK021),
        "this page would be published at /{}/, like {}",
        "trang này sẽ có địa chỉ /{0}/, trùng với {1}",
    ),
    (
        Some(Code::CK021),
        "this file would be published at /{}, like {}",
        "tệp này sẽ có địa chỉ /{0}, trùng với {1}",
    ),
    (
        None,
        "rename it or move it into a folder of its own under content/static/",
        "đổi tên tệp, hoặc chuyển nó vào một thư mục riêng trong content/static/",
    ),
    (
        Some(Code::CK043),
        "this file cannot be published: {}",
        "không thể đăng tệp này lên trang: {0}",
    ),
    (
        None,
        "rename it with letters, digits, `-`, `_` and `.` only",
        "đổi tên tệp, chỉ dùng chữ cái, chữ số, `-`, `_` và `.`",
    ),
    (
        None,
        "rename it: it becomes a file or folder of the site",
        "đổi tên cho ngắn hơn: tên này thành tên tệp hoặc thư mục của trang",
    ),
    (
        None,
        "choose another `slug:`, for example `gioi-thieu-2`",
        "chọn `slug:` khác, ví dụ `gioi-thieu-2`",
    ),
    (
        None,
        "rename the file, or write another `slug:`",
        "đổi tên tệp, hoặc đặt `slug:` khác",
    ),
    (
        Some(Code::CK016),
        "cannot publish the page “{}”: {}",
        "không đăng được trang “{0}”: {1}",
    ),
    (
        None,
        "give the page a slug of lowercase letters, digits and `-`",
        "đặt cho trang đường dẫn gồm chữ thường không dấu, chữ số và dấu `-`",
    ),
    // Links.
    (
        Some(Code::CK017),
        "`{}` is a link that browsers would run as a script or that congkhai does not publish",
        "`{0}` là liên kết mà trình duyệt sẽ chạy như mã lệnh, hoặc là loại liên kết congkhai không đăng",
    ),
    (
        Some(Code::CK017),
        "the Markdown link `{}` is a link that browsers would run as a script or that congkhai does not publish",
        "liên kết Markdown `{0}` là liên kết mà trình duyệt sẽ chạy như mã lệnh, hoặc là loại liên kết congkhai không đăng",
    ),
    (
        None,
        "only https:, http:, mailto:, tel: and paths on this site",
        "chỉ dùng https:, http:, mailto:, tel: và đường dẫn trong trang này",
    ),
    (
        None,
        "write a web address that starts with https://, for example https://dichvucong.gov.vn/…",
        "viết địa chỉ trang web bắt đầu bằng https://, ví dụ https://dichvucong.gov.vn/…",
    ),
    // Publishing.
    (
        Some(Code::CK027),
        "cannot publish the form file: {}",
        "không đăng được tệp mẫu: {0}",
    ),
    (
        None,
        "keep form files under content/forms/ with plain file names",
        "đặt tệp mẫu trong content/forms/ với tên tệp thông thường",
    ),
    (
        Some(Code::CK050),
        "cannot write the search index: {}",
        "không ghi được chỉ mục tra cứu: {0}",
    ),
    (
        Some(Code::CK050),
        "cannot publish the theme file: {}",
        "không đăng được tệp giao diện: {0}",
    ),
    // References.
    (
        Some(Code::CK022),
        "unknown field `{}`",
        "không có lĩnh vực `{0}`",
    ),
    (
        None,
        "not in content/fields.yaml",
        "không có trong content/fields.yaml",
    ),
    (
        None,
        "use one of the ids in content/fields.yaml: {}",
        "dùng một mã trong content/fields.yaml: {0}",
    ),
    (
        None,
        "use an id from content/fields.yaml",
        "dùng một mã trong content/fields.yaml",
    ),
    (
        Some(Code::CK023),
        "unknown form `{}`",
        "không có mẫu đơn `{0}`",
    ),
    (
        None,
        "not one of this record's `forms`",
        "không có trong `forms` của hồ sơ này",
    ),
    (
        None,
        "add the form under `forms:` with `id`, `name` and `file`",
        "thêm mẫu đơn vào `forms:` với `id`, `name` và `file`",
    ),
    (
        Some(Code::CK024),
        "unknown fee `{}`",
        "không có khoản phí `{0}`",
    ),
    (
        None,
        "not one of this record's `fees`",
        "không có trong `fees` của hồ sơ này",
    ),
    (
        None,
        "this record has no fees; remove the fee from the channel or add it under `fees:`",
        "hồ sơ này không có khoản phí nào; bỏ phí khỏi cách thức thực hiện hoặc thêm vào `fees:`",
    ),
    (
        None,
        "the fees of this record are: {}",
        "các khoản phí của hồ sơ này: {0}",
    ),
    (
        Some(Code::CK025),
        "unknown officer `{}`",
        "không có công chức `{0}`",
    ),
    (
        None,
        "not in site.yaml `officers`",
        "không có trong `officers` của site.yaml",
    ),
    (
        None,
        "add the officer to content/site.yaml under `officers:`",
        "thêm công chức vào `officers:` trong content/site.yaml",
    ),
    (
        None,
        "list ids from `officers:`",
        "ghi các mã có trong `officers:`",
    ),
    (
        Some(Code::CK026),
        "`{}` names this procedure itself",
        "`{0}` ghi chính thủ tục này",
    ),
    (
        None,
        "list other procedures' codes",
        "ghi mã của các thủ tục khác",
    ),
    (
        Some(Code::CK026),
        "no procedure has the code `{}`",
        "không có thủ tục nào mang mã `{0}`",
    ),
    (None, "in `{}`", "trong `{0}`"),
    (
        None,
        "check the code, or add that procedure to the catalogue",
        "kiểm tra lại mã, hoặc thêm thủ tục đó vào danh mục",
    ),
    (
        Some(Code::CK027),
        "the form path `{}` leaves content/",
        "đường dẫn mẫu đơn `{0}` ra ngoài content/",
    ),
    (
        Some(Code::CK027),
        "the form path `{}` is not a file inside content/",
        "đường dẫn mẫu đơn `{0}` không phải một tệp trong content/",
    ),
    (
        Some(Code::CK027),
        "the form file `{}` does not exist",
        "không có tệp mẫu đơn `{0}`",
    ),
    (
        Some(Code::CK027),
        "cannot read the form file: {}",
        "không đọc được tệp mẫu đơn: {0}",
    ),
    (None, "form file", "tệp mẫu đơn"),
    (
        None,
        "put the file under content/forms/ and write its path relative to content/, for example `forms/ho-tich/to-khai.pdf`",
        "đặt tệp trong content/forms/ và ghi đường dẫn tính từ content/, ví dụ `forms/ho-tich/to-khai.pdf`",
    ),
    // Ids.
    (
        Some(Code::CK029),
        "the field id `{}` is defined twice",
        "mã lĩnh vực `{0}` được khai báo hai lần",
    ),
    (
        None,
        "give each field its own id",
        "đặt cho mỗi lĩnh vực một mã riêng",
    ),
    (
        Some(Code::CK016),
        "the field id `{}` is not a URL slug",
        "mã lĩnh vực `{0}` không dùng được trong đường dẫn",
    ),
    (
        None,
        "write `{}`: lowercase ASCII letters, digits and `-`",
        "hãy viết `{0}`: chữ thường không dấu, chữ số và `-`",
    ),
    (
        Some(Code::CK029),
        "the fee id `{}` is used twice",
        "mã khoản phí `{0}` bị dùng hai lần",
    ),
    (
        None,
        "give each fee its own id",
        "đặt cho mỗi khoản phí một mã riêng",
    ),
    (
        Some(Code::CK029),
        "the form id `{}` is used twice",
        "mã mẫu đơn `{0}` bị dùng hai lần",
    ),
    (
        None,
        "give each form its own id",
        "đặt cho mỗi mẫu đơn một mã riêng",
    ),
    (
        Some(Code::CK029),
        "the officer id `{}` is used twice",
        "mã công chức `{0}` bị dùng hai lần",
    ),
    (
        None,
        "give each officer their own id",
        "đặt cho mỗi công chức một mã riêng",
    ),
    // Dates and status.
    (
        Some(Code::CK028),
        "`effective_to` ({}) is before `effective_from` ({})",
        "ngày hết hiệu lực `effective_to` ({0}) trước ngày có hiệu lực `effective_from` ({1})",
    ),
    (None, "check the two dates", "kiểm tra lại hai ngày"),
    (
        Some(Code::CK028),
        "an `upcoming` procedure needs `effective_from`",
        "thủ tục sắp áp dụng (`upcoming`) cần có ngày có hiệu lực `effective_from`",
    ),
    (
        None,
        "add the date it takes effect, for example `effective_from: 2027-01-01`",
        "thêm ngày bắt đầu áp dụng, ví dụ `effective_from: 2027-01-01`",
    ),
    (
        Some(Code::CK016),
        "`{}` is not a time of day",
        "`{0}` không phải giờ trong ngày",
    ),
    (
        None,
        "write the time as HH:MM in quotes, for example `cutoff: \"15:00\"`",
        "viết giờ dạng HH:MM trong ngoặc kép, ví dụ `cutoff: \"15:00\"`",
    ),
    (
        None,
        "write HH:MM in quotes, for example \"07:30\"",
        "viết giờ dạng HH:MM trong ngoặc kép, ví dụ \"07:30\"",
    ),
    (
        Some(Code::CK016),
        "the desk closes before it opens",
        "giờ đóng cửa sớm hơn giờ mở cửa",
    ),
    (
        None,
        "check `opens` and `closes`",
        "kiểm tra `opens` (mở cửa) và `closes` (đóng cửa)",
    ),
    (
        Some(Code::CK013),
        "`{}` is not a weekday",
        "`{0}` không phải ngày trong tuần",
    ),
    (
        None,
        "write mon, tue, wed, thu, fri, sat or sun",
        "viết mon, tue, wed, thu, fri, sat hoặc sun (Thứ Hai … Chủ nhật)",
    ),
    (
        Some(Code::CK040),
        "the record was last verified on {}, more than a year ago",
        "hồ sơ được rà soát lần cuối ngày {0}, đã hơn một năm",
    ),
    (
        None,
        "check it against the latest publication decision and update `verified_on`",
        "đối chiếu với quyết định công bố mới nhất và cập nhật `verified_on`",
    ),
    // Site files.
    (
        Some(Code::CK030),
        "`content/site.yaml` is missing",
        "thiếu tệp `content/site.yaml`",
    ),
    (
        None,
        "create it with the agency, the one-stop desk and the hotlines; `congkhai init` writes an example",
        "tạo tệp với thông tin cơ quan, Bộ phận Một cửa và đường dây nóng; `congkhai init` tạo sẵn một ví dụ",
    ),
    (
        Some(Code::CK030),
        "`content/fields.yaml` is missing",
        "thiếu tệp `content/fields.yaml`",
    ),
    (
        None,
        "list the fields (lĩnh vực) as `- {id: ho-tich, name: \"Hộ tịch\"}`",
        "liệt kê các lĩnh vực dạng `- {id: ho-tich, name: \"Hộ tịch\"}`",
    ),
    (
        Some(Code::CK030),
        "`base_url` `{}` is not an absolute URL",
        "`base_url` `{0}` không phải địa chỉ đầy đủ",
    ),
    (
        None,
        "write it like https://thutuc.example.gov.vn or https://example.gov.vn/thu-tuc",
        "viết như https://thutuc.example.gov.vn hoặc https://example.gov.vn/thu-tuc",
    ),
    (
        Some(Code::CK031),
        "the period {} ends before it starts",
        "kỳ {0} kết thúc trước khi bắt đầu",
    ),
    (
        Some(Code::CK016),
        "`{}` is not a currency code: write the ISO 4217 code in capitals, for example VND or USD",
        "`{0}` không phải mã tiền tệ: ghi mã ISO 4217 bằng chữ in hoa, ví dụ VND hoặc USD",
    ),
    (
        Some(Code::CK032),
        "`{}` ({}) is stated as unknown",
        "`{0}` ({1}) được ghi là chưa có thông tin",
    ),
    (
        None,
        "the page tells citizens it is not known yet; find it in the publication decision and write it",
        "trang báo cho người dân là chưa có thông tin; hãy tìm trong quyết định công bố và ghi vào",
    ),
    (
        Some(Code::CK033),
        "`{}` ({}) is stated as not published",
        "`{0}` ({1}) được ghi là chưa công bố",
    ),
    (
        None,
        "the page tells citizens it is not published yet; write it when the competent body publishes it",
        "trang báo cho người dân là chưa công bố; hãy ghi vào khi cơ quan có thẩm quyền công bố",
    ),
    (
        Some(Code::CK034),
        "the fee `{}` has the unit `{}` in {}, but its currency is {}",
        "khoản phí `{0}` có đơn vị tính `{1}` bằng {2}, nhưng đơn vị tiền tệ của khoản phí là {3}",
    ),
    (
        None,
        "add `currency: {}` to the fee (amounts are in đồng, VND, unless `currency` says otherwise)",
        "thêm `currency: {0}` vào khoản phí (số tiền tính bằng đồng, VND, trừ khi `currency` ghi khác)",
    ),
    (
        Some(Code::CK035),
        "the fee `{}` has both `amount` and `tiers`",
        "khoản phí `{0}` có cả `amount` và `tiers`",
    ),
    (
        None,
        "write one amount under `amount`, or several under `tiers` (each with its `condition`), not both",
        "ghi một mức thu ở `amount`, hoặc nhiều mức ở `tiers` (mỗi mức kèm `condition`), không ghi cả hai",
    ),
    (
        None,
        "the fees of this record are not stated; remove the fee from the channel, or write the fees under `fees:`",
        "hồ sơ này chưa ghi phí, lệ phí; bỏ khoản phí khỏi cách thức thực hiện, hoặc ghi các khoản phí ở `fees:`",
    ),
    (
        Some(Code::CK041),
        "no procedure refers to the officer `{}`",
        "không thủ tục nào ghi công chức `{0}`",
    ),
    (
        None,
        "add the id to a record's `officers:` or to `default_officers:`, or remove the officer",
        "thêm mã vào `officers:` của một hồ sơ hoặc vào `default_officers:`, hoặc bỏ công chức này",
    ),
    // Themes.
    (
        None,
        "fix the template; `themes/default/` in the site root overrides the embedded theme",
        "sửa mẫu giao diện; thư mục `themes/default/` trong trang thay thế giao diện có sẵn",
    ),
    // Stable links, names too long for a file, limits of the YAML reader.
    (
        Some(Code::CK016),
        "the code `{}` gives an empty link",
        "mã `{0}` không tạo được đường dẫn (rỗng)",
    ),
    (None, "no letter or digit", "không có chữ cái hay chữ số"),
    (
        None,
        "write the code as published, e.g. 1.001193",
        "viết mã đúng như đã công bố, ví dụ 1.001193",
    ),
    (
        Some(Code::CK021),
        "the code `{}` would have the stable link /ma/{}/, like the code `{}` of {}",
        "mã `{0}` sẽ có đường dẫn cố định /ma/{1}/, trùng với mã `{2}` của {3}",
    ),
    (None, "same link", "trùng đường dẫn"),
    (
        None,
        "write the code as published, e.g. 1.001193; one of the two codes is mistyped",
        "viết mã đúng như đã công bố, ví dụ 1.001193; một trong hai mã bị gõ sai",
    ),
    (
        Some(Code::CK018),
        "name too long for a file: {} is {} bytes, at most 255",
        "tên quá dài để làm tên tệp: {0} dài {1} byte, tối đa 255 byte",
    ),
    (None, "too long", "quá dài"),
    (
        None,
        "write a shorter id: it is the name of the field's folder (`linh-vuc/<id>/`)",
        "viết mã ngắn hơn: đó là tên thư mục của lĩnh vực (`linh-vuc/<mã>/`)",
    ),
    (
        None,
        "write a shorter `slug:`: it is the name of the procedure's folder (`thu-tuc/<slug>/`)",
        "viết `slug:` ngắn hơn: đó là tên thư mục của thủ tục (`thu-tuc/<slug>/`)",
    ),
    (
        None,
        "set a shorter `slug:` (a few words of the title), which names the procedure's folder (`thu-tuc/<slug>/`)",
        "đặt `slug:` ngắn hơn (vài từ của tên thủ tục), dùng làm tên thư mục của thủ tục (`thu-tuc/<slug>/`)",
    ),
    (
        None,
        "write the agency's name as published, without its address or notes: it names the agency's folder (`co-quan/<name>/`)",
        "viết tên cơ quan đúng như đã công bố, không kèm địa chỉ hay ghi chú: đó là tên thư mục của cơ quan (`co-quan/<tên>/`)",
    ),
    (
        None,
        "write a shorter `slug:`: it is the name of the page's folder",
        "viết `slug:` ngắn hơn: đó là tên thư mục của trang",
    ),
    (
        None,
        "rename the file or folder with a shorter name, and write the new path",
        "đổi tên tệp hoặc thư mục cho ngắn hơn, rồi viết đường dẫn mới",
    ),
    (
        Some(Code::CK019),
        "the list is too long: at most {} items",
        "danh sách quá dài: tối đa {0} mục",
    ),
    (
        None,
        "a file holds at most {} values (list items, keys and texts together); split the list or remove repeated items",
        "mỗi tệp chứa tối đa {0} giá trị (tính chung mục danh sách, khóa và văn bản); hãy tách danh sách hoặc bỏ các mục lặp lại",
    ),
    (
        Some(Code::CK019),
        "the lists and mappings are nested too deeply: at most {} levels",
        "danh sách và các dòng `khóa: giá trị` lồng nhau quá sâu: tối đa {0} cấp",
    ),
    (
        None,
        "check the indentation: each level of a record is indented under its key",
        "kiểm tra thụt lề: mỗi cấp của hồ sơ được thụt vào dưới khóa của nó",
    ),
    (
        Some(Code::CK019),
        "the file repeats too much through aliases (`&name`, `*name`): at most {} aliases",
        "tệp lặp lại quá nhiều qua bí danh (`&tên`, `*tên`): tối đa {0} bí danh",
    ),
    (
        None,
        "write the values out instead of repeating them with `*name`",
        "viết đầy đủ các giá trị thay vì lặp lại bằng `*tên`",
    ),
    (
        Some(Code::CK019),
        "the file is too large: at most {} MB of text",
        "tệp quá lớn: tối đa {0} MB văn bản",
    ),
    (
        None,
        "a record is a few kilobytes; check that the file is the record you meant",
        "một hồ sơ chỉ dài vài kilobyte; hãy kiểm tra xem tệp có đúng là hồ sơ bạn định viết không",
    ),
    (
        Some(Code::CK019),
        "the file has too many YAML documents (`---` lines): at most {}",
        "tệp có quá nhiều tài liệu YAML (dòng `---`): tối đa {0}",
    ),
    (
        None,
        "a record is one YAML document; remove the extra `---` lines",
        "mỗi hồ sơ là một tài liệu YAML; hãy bỏ các dòng `---` thừa",
    ),
    (
        Some(Code::CK019),
        "the file is too complex for the YAML reader",
        "tệp quá phức tạp đối với bộ đọc YAML",
    ),
    (
        None,
        "simplify the file: shorter lists, less nesting, no aliases",
        "hãy đơn giản hóa tệp: danh sách ngắn hơn, ít lồng nhau hơn, không dùng bí danh",
    ),
    (
        Some(Code::CK025),
        "{} references to officers wait on {}; fix it first",
        "{0} chỗ nhắc đến cán bộ đang chờ {1}; hãy sửa tệp này trước",
    ),
    (
        Some(Code::CK025),
        "1 reference to an officer waits on {}; fix it first",
        "1 chỗ nhắc đến cán bộ đang chờ {0}; hãy sửa tệp này trước",
    ),
    (
        Some(Code::CK022),
        "{} references to fields wait on {}; fix it first",
        "{0} chỗ nhắc đến lĩnh vực đang chờ {1}; hãy sửa tệp này trước",
    ),
    (
        Some(Code::CK022),
        "1 reference to a field waits on {}; fix it first",
        "1 chỗ nhắc đến lĩnh vực đang chờ {0}; hãy sửa tệp này trước",
    ),
    (
        Some(Code::CK026),
        "{} references to the code `{}` wait on {}; fix it first",
        "{0} chỗ nhắc đến mã `{1}` đang chờ {2}; hãy sửa tệp này trước",
    ),
    (
        Some(Code::CK026),
        "1 reference to the code `{}` waits on {}; fix it first",
        "1 chỗ nhắc đến mã `{0}` đang chờ {1}; hãy sửa tệp này trước",
    ),
    (
        None,
        "the records' `officers:` are checked once content/site.yaml reads without errors",
        "mục `officers:` của các hồ sơ sẽ được kiểm tra khi content/site.yaml hết lỗi",
    ),
    (
        None,
        "the records' `field:` is checked once content/fields.yaml reads without errors",
        "mục `field:` của các hồ sơ sẽ được kiểm tra khi content/fields.yaml hết lỗi",
    ),
    (
        None,
        "`related` and `replaces` are checked once the record with that code reads without errors",
        "`related` và `replaces` sẽ được kiểm tra khi hồ sơ có mã đó hết lỗi",
    ),
];

/// English phrases that appear inside messages (serde's names of types, the things read).
const PHRASES: &[(&str, &str)] = &[
    ("a procedure", "hồ sơ thủ tục"),
    ("a page", "trang"),
    ("a statistics period", "kỳ thống kê"),
    ("site.yaml", "site.yaml"),
    ("fields.yaml", "fields.yaml"),
    ("a list", "một danh sách"),
    ("a mapping", "các dòng `khóa: giá trị`"),
    ("a sequence", "một danh sách"),
    ("a string", "văn bản"),
    ("a map", "các dòng `khóa: giá trị`"),
    ("a boolean", "`true` hoặc `false`"),
    ("a date written YYYY-MM-DD", "ngày dạng YYYY-MM-DD"),
    ("expected YYYY-MM-DD", "cần dạng YYYY-MM-DD"),
    ("u32", "một số nguyên"),
    ("u64", "một số nguyên"),
    ("i64", "một số nguyên"),
    ("f64", "một số"),
    ("an integer", "một số nguyên"),
    ("string", "văn bản"),
    ("sequence", "danh sách"),
    ("map", "các dòng `khóa: giá trị`"),
    ("integer", "số nguyên"),
    ("boolean", "`true` hoặc `false`"),
    ("the field id", "mã lĩnh vực"),
    ("the slug", "`slug`"),
    (
        "the URL name made from the title",
        "tên đường dẫn tạo từ tên thủ tục",
    ),
    ("the stable link of the code", "đường dẫn cố định của mã"),
    (
        "the URL name of the implementing agency",
        "tên đường dẫn của cơ quan thực hiện",
    ),
    (
        "a name in the form's path",
        "một tên trong đường dẫn biểu mẫu",
    ),
];

/// `text` in Vietnamese, or `None` when the table has no template for it.
pub fn translate(code: Code, text: &str) -> Option<String> {
    // The most specific template wins: "write dates as …" before "write {}".
    let (_, vietnamese, values) = TABLE
        .iter()
        .filter(|(c, _, _)| c.is_none_or(|c| c == code))
        .filter_map(|(_, english, vietnamese)| {
            let values = matches(english, text)?;
            Some((english.len() - 2 * values.len(), vietnamese, values))
        })
        .max_by_key(|(literal, _, _)| *literal)?;
    let mut out = (*vietnamese).to_owned();
    for (i, value) in values.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), &phrase(value));
    }
    Some(out)
}

/// A message the table does not know, introduced in Vietnamese (the scanner's and template
/// engine's own words stay as they are).
pub fn fallback(code: Code, text: &str) -> Option<String> {
    let intro = match code {
        Code::CK002 => "lỗi cú pháp YAML",
        Code::CK016 => "giá trị không hợp lệ",
        Code::CK050 => "lỗi mẫu giao diện",
        Code::CK001 => "lỗi đọc tệp",
        _ => return None,
    };
    Some(format!("{intro}: {text}"))
}

/// A phrase inside a message in Vietnamese: a whole phrase from [`PHRASES`], or a serde type
/// name ("struct Agencies", "a sequence") made readable; anything else (values the editor
/// wrote, file names) as it is.
fn phrase(value: &str) -> String {
    if let Some((_, vi)) = PHRASES.iter().find(|(en, _)| *en == value) {
        return (*vi).to_owned();
    }
    if value.starts_with("struct ") || value.starts_with("a mapping") {
        return "các dòng `khóa: giá trị`".to_owned();
    }
    if let Some(rest) = value.strip_prefix("invalid type: ") {
        return phrase(rest);
    }
    match translate_date_error(value) {
        Some(v) => v,
        None => value.to_owned(),
    }
}

fn translate_date_error(value: &str) -> Option<String> {
    if let Some(rest) = value.strip_prefix("month ") {
        let month = rest.strip_suffix(" is out of range")?;
        return Some(format!("không có tháng {month}"));
    }
    if let Some(rest) = value.strip_prefix("day ") {
        let day = rest.strip_suffix(" is out of range")?;
        return Some(format!("không có ngày {day}"));
    }
    let (month_year, days) = value.split_once(" has ")?;
    let days = days.strip_suffix(" days")?;
    let (month, year) = month_year.rsplit_once(' ')?;
    let n = crate::vi::MONTH_NAMES.iter().position(|m| *m == month)? + 1;
    Some(format!("tháng {n}/{year} chỉ có {days} ngày"))
}

/// The values of `text` at the `{}` of `template`, if it matches.
fn matches(template: &str, text: &str) -> Option<Vec<String>> {
    let pieces: Vec<&str> = template.split("{}").collect();
    let mut rest = text.strip_prefix(pieces[0])?;
    let mut values = Vec::new();
    for (i, piece) in pieces.iter().enumerate().skip(1) {
        let last = i == pieces.len() - 1;
        let end = if last {
            if !rest.ends_with(piece) {
                return None;
            }
            rest.len() - piece.len()
        } else {
            rest.find(piece)?
        };
        values.push(rest[..end].to_owned());
        rest = &rest[end + piece.len()..];
    }
    (pieces.len() > 1 || rest.is_empty()).then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_and_fill_values() {
        assert_eq!(
            translate(Code::CK011, "unknown key `phi`").as_deref(),
            Some("khóa `phi` không có trong mẫu hồ sơ")
        );
        assert_eq!(
            translate(Code::CK011, "did you mean `fees`? (Phí, lệ phí)").as_deref(),
            Some("có phải ý bạn là `fees` (Phí, lệ phí)?")
        );
        assert_eq!(
            translate(Code::CK012, "expected a sequence, found a string").as_deref(),
            Some("cần một danh sách, nhưng gặp văn bản")
        );
        assert_eq!(
            translate(
                Code::CK015,
                "invalid date `2026-02-30`: February 2026 has 28 days"
            )
            .as_deref(),
            Some("ngày `2026-02-30` không hợp lệ: tháng 2/2026 chỉ có 28 ngày")
        );
        assert_eq!(translate(Code::CK011, "something new"), None);
        assert_eq!(
            translate(
                Code::CK015,
                "write dates as YYYY-MM-DD, for example 2026-03-15"
            )
            .as_deref(),
            Some("viết ngày dạng YYYY-MM-DD, ví dụ 2026-03-15")
        );
        // A literal template matches only the whole text.
        assert_eq!(translate(Code::CK016, "the procedure code is empty!"), None);
    }
}
