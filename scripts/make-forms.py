#!/usr/bin/env python3
"""Generate the sample catalogue's downloadable forms (content/forms/**).

Standard library only. Every file is small and deterministic (fixed timestamps,
no random ids), so running the script again produces byte-identical files.

* .docx: a minimal WordprocessingML package ([Content_Types].xml, _rels/.rels,
  word/document.xml) with the form title and labelled blank lines in Vietnamese.
* .pdf: a hand-written PDF 1.4 file (one A4 page, standard Helvetica font, correct
  xref offsets); Vietnamese text is folded to ASCII because Helvetica's standard
  encoding has no Vietnamese letters.

The files are illustrations for the fictional ward of the sample data, not the
official forms: each one says so in its footer.

Usage: python3 scripts/make-forms.py [CONTENT_DIR]   (default: content/ next to scripts/)
"""

import sys
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NATIONAL_HEADER = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]
FOOTER = (
    "Mẫu minh họa của bộ dữ liệu mẫu congkhai (phường Bình An, tỉnh Minh Châu là hư cấu). "
    "Khi nộp hồ sơ thật, hãy dùng biểu mẫu do cơ quan có thẩm quyền ban hành."
)

# (relative path under content/, title, addressee, basis, labelled blank lines)
FORMS = [
    (
        "forms/ho-tich/to-khai-dang-ky-khai-sinh.docx",
        "TỜ KHAI ĐĂNG KÝ KHAI SINH",
        "Kính gửi: Ủy ban nhân dân phường Bình An",
        "Theo mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP",
        [
            "Họ, chữ đệm, tên người yêu cầu",
            "Nơi cư trú",
            "Giấy tờ tùy thân (loại, số, ngày cấp)",
            "Quan hệ với người được khai sinh",
            "Họ, chữ đệm, tên người được khai sinh",
            "Ngày, tháng, năm sinh (bằng số và bằng chữ)",
            "Giới tính / Dân tộc / Quốc tịch",
            "Nơi sinh",
            "Quê quán",
            "Họ, chữ đệm, tên người mẹ; năm sinh; dân tộc; quốc tịch; nơi cư trú",
            "Họ, chữ đệm, tên người cha; năm sinh; dân tộc; quốc tịch; nơi cư trú",
            "Đề nghị cấp bản sao Giấy khai sinh: có / không; số lượng",
        ],
    ),
    (
        "forms/ho-tich/to-khai-dang-ky-ket-hon.docx",
        "TỜ KHAI ĐĂNG KÝ KẾT HÔN",
        "Kính gửi: Ủy ban nhân dân phường Bình An",
        "Theo mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP",
        [
            "Họ, chữ đệm, tên (bên nữ)",
            "Ngày, tháng, năm sinh; dân tộc; quốc tịch (bên nữ)",
            "Nơi cư trú; giấy tờ tùy thân (bên nữ)",
            "Kết hôn lần thứ mấy (bên nữ)",
            "Họ, chữ đệm, tên (bên nam)",
            "Ngày, tháng, năm sinh; dân tộc; quốc tịch (bên nam)",
            "Nơi cư trú; giấy tờ tùy thân (bên nam)",
            "Kết hôn lần thứ mấy (bên nam)",
            "Chúng tôi cam đoan tự nguyện kết hôn, đáp ứng đủ điều kiện kết hôn",
            "Chữ ký bên nữ / Chữ ký bên nam",
        ],
    ),
    (
        "forms/ho-tich/to-khai-dang-ky-khai-tu.docx",
        "TỜ KHAI ĐĂNG KÝ KHAI TỬ",
        "Kính gửi: Ủy ban nhân dân phường Bình An",
        "Theo mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP",
        [
            "Họ, chữ đệm, tên người yêu cầu",
            "Nơi cư trú; giấy tờ tùy thân",
            "Quan hệ với người đã chết",
            "Họ, chữ đệm, tên người đã chết",
            "Ngày, tháng, năm sinh; giới tính; dân tộc; quốc tịch",
            "Nơi cư trú cuối cùng",
            "Đã chết vào lúc ... giờ ... phút, ngày ... tháng ... năm ...",
            "Nơi chết; nguyên nhân chết",
            "Số Giấy báo tử / giấy tờ thay thế Giấy báo tử",
        ],
    ),
    (
        "forms/ho-tich/to-khai-cap-giay-xac-nhan-tinh-trang-hon-nhan.pdf",
        "TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
        "Kính gửi: Ủy ban nhân dân phường Bình An",
        "Theo mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP",
        [
            "Họ, chữ đệm, tên người yêu cầu",
            "Nơi cư trú; giấy tờ tùy thân",
            "Quan hệ với người được cấp Giấy xác nhận",
            "Họ, chữ đệm, tên người được cấp Giấy xác nhận",
            "Ngày, tháng, năm sinh; giới tính; dân tộc; quốc tịch",
            "Nơi cư trú (trong thời gian đề nghị xác nhận)",
            "Tình trạng hôn nhân",
            "Mục đích sử dụng Giấy xác nhận",
        ],
    ),
    (
        "forms/dat-dai/don-dang-ky-dat-dai-tai-san-gan-lien-voi-dat.pdf",
        "ĐƠN ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT",
        "Kính gửi: Ủy ban nhân dân phường Bình An",
        "Mẫu số 04/ĐK, Nghị định số 101/2024/NĐ-CP",
        [
            "Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất",
            "Giấy tờ nhân thân; địa chỉ thường trú",
            "Thửa đất số; tờ bản đồ số; địa chỉ thửa đất",
            "Diện tích (m2); mục đích sử dụng; thời hạn sử dụng",
            "Nguồn gốc sử dụng đất; thời điểm bắt đầu sử dụng",
            "Tài sản gắn liền với đất (loại, diện tích xây dựng, diện tích sàn)",
            "Giấy tờ nộp kèm theo",
            "Đề nghị cấp Giấy chứng nhận: có / không",
        ],
    ),
    (
        "forms/xay-dung/don-de-nghi-cap-giay-phep-xay-dung.pdf",
        "ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG",
        "Kính gửi: Ủy ban nhân dân phường Bình An",
        "Theo mẫu ban hành kèm theo Nghị định số 175/2024/NĐ-CP",
        [
            "Tên chủ đầu tư (chủ hộ)",
            "Người đại diện; địa chỉ liên hệ; số điện thoại",
            "Địa điểm xây dựng: lô đất số, diện tích, tại",
            "Loại công trình; cấp công trình",
            "Diện tích xây dựng tầng 1 (m2); tổng diện tích sàn (m2)",
            "Chiều cao công trình (m); số tầng",
            "Đơn vị hoặc người thiết kế; chứng chỉ hành nghề",
            "Dự kiến thời gian hoàn thành công trình",
            "Cam kết thực hiện đúng giấy phép được cấp",
        ],
    ),
    (
        "forms/ho-kinh-doanh/giay-de-nghi-dang-ky-ho-kinh-doanh.docx",
        "GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH",
        "Kính gửi: Phòng Kinh tế, Hạ tầng và Đô thị phường Bình An",
        "Theo mẫu ban hành kèm theo Thông tư số 68/2025/TT-BTC",
        [
            "Tên hộ kinh doanh (viết bằng chữ in hoa)",
            "Địa chỉ trụ sở hộ kinh doanh",
            "Điện thoại; thư điện tử",
            "Ngành, nghề kinh doanh",
            "Vốn kinh doanh (bằng số và bằng chữ)",
            "Số lượng lao động (dự kiến)",
            "Họ, chữ đệm, tên chủ hộ kinh doanh; ngày sinh; số định danh cá nhân",
            "Thông tin đăng ký thuế",
        ],
    ),
    (
        "forms/bao-tro-xa-hoi/to-khai-de-nghi-tro-giup-xa-hoi.pdf",
        "TỜ KHAI ĐỀ NGHỊ TRỢ GIÚP XÃ HỘI",
        "Kính gửi: Chủ tịch Ủy ban nhân dân phường Bình An",
        "Theo mẫu ban hành kèm theo Nghị định số 20/2021/NĐ-CP",
        [
            "Họ, chữ đệm, tên đối tượng",
            "Ngày, tháng, năm sinh; giới tính; dân tộc",
            "Số định danh cá nhân",
            "Nơi thường trú; nơi ở hiện tại",
            "Nhóm đối tượng đề nghị hưởng trợ giúp",
            "Tình trạng khuyết tật (nếu có); Giấy xác nhận khuyết tật số",
            "Đang hưởng chế độ nào khác (lương hưu, trợ cấp ...)",
            "Người giám hộ hoặc người chăm sóc (nếu có)",
        ],
    ),
    (
        "forms/tu-phap/don-xin-nhan-con-nuoi.docx",
        "ĐƠN XIN NHẬN CON NUÔI",
        "Kính gửi: Ủy ban nhân dân phường Bình An",
        "Dùng cho trường hợp nhận con nuôi trong nước",
        [
            "Họ, chữ đệm, tên người nhận con nuôi (ông / bà)",
            "Ngày, tháng, năm sinh; nghề nghiệp; nơi thường trú",
            "Giấy tờ tùy thân",
            "Tình trạng hôn nhân",
            "Họ, chữ đệm, tên người được nhận làm con nuôi",
            "Ngày, tháng, năm sinh; giới tính; nơi thường trú",
            "Quan hệ giữa người nhận con nuôi và người được nhận làm con nuôi",
            "Lý do nhận con nuôi",
            "Cam kết chăm sóc, nuôi dưỡng, giáo dục con nuôi",
        ],
    ),
    (
        "forms/tu-phap/to-khai-yeu-cau-cap-phieu-ly-lich-tu-phap.pdf",
        "TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP",
        "Kính gửi: Sở Tư pháp tỉnh Minh Châu",
        "Mẫu số 03/2024/LLTP, Thông tư số 06/2024/TT-BTP",
        [
            "Họ, chữ đệm, tên người yêu cầu",
            "Giới tính; ngày, tháng, năm sinh; nơi sinh",
            "Quốc tịch; dân tộc",
            "Số định danh cá nhân / hộ chiếu",
            "Nơi thường trú; nơi tạm trú",
            "Quá trình cư trú từ đủ 14 tuổi (thời gian, nơi cư trú, nghề nghiệp)",
            "Loại Phiếu yêu cầu cấp: Phiếu số 1 / Phiếu số 2; số lượng",
            "Mục đích sử dụng Phiếu lý lịch tư pháp",
        ],
    ),
]

DOTS = " " + "." * 60

# --------------------------------------------------------------------------- DOCX

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    "</Relationships>"
)


def w_par(text, bold=False, center=False, italic=False, size=None, space_after=120):
    ppr = f'<w:spacing w:after="{space_after}"/>'
    if center:
        ppr += '<w:jc w:val="center"/>'
    rpr = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    if bold:
        rpr += "<w:b/>"
    if italic:
        rpr += "<w:i/>"
    if size:
        rpr += f'<w:sz w:val="{size}"/>'
    return (
        f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr>"
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


def docx_bytes_document(title, addressee, basis, lines):
    paras = [w_par(NATIONAL_HEADER[0], bold=True, center=True, size=26, space_after=0)]
    paras.append(w_par(NATIONAL_HEADER[1], bold=True, center=True, size=26, space_after=360))
    paras.append(w_par(title, bold=True, center=True, size=30))
    paras.append(w_par(basis, italic=True, center=True, size=22, space_after=240))
    paras.append(w_par(addressee, center=True, size=26, space_after=240))
    for label in lines:
        paras.append(w_par(f"{label}:{DOTS}", size=26))
    paras.append(w_par("......., ngày ..... tháng ..... năm 20.....", italic=True, size=26, space_after=0))
    paras.append(w_par("Người yêu cầu (ký, ghi rõ họ, chữ đệm, tên)", bold=True, size=26, space_after=720))
    paras.append(w_par(FOOTER, italic=True, size=18))
    sect = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" '
        'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{''.join(paras)}{sect}</w:body></w:document>"
    )


def write_docx(path, title, addressee, basis, lines):
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/document.xml", docx_bytes_document(title, addressee, basis, lines)),
    ]
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))


# --------------------------------------------------------------------------- PDF


def fold(text):
    """Vietnamese -> ASCII: drop tone and vowel marks, đ -> d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return ascii_text.encode("ascii", "replace").decode("ascii")


def pdf_string(text):
    s = fold(text).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({s})"


def wrap(text, width):
    words, lines, cur = text.split(), [], ""
    for word in words:
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines


def pdf_bytes(title, addressee, basis, lines):
    page_w, page_h = 595, 842  # A4 in points
    ops = []

    def text_at(x, y, s, font="F1", size=11):
        ops.append(f"BT /{font} {size} Tf {x} {y} Td {pdf_string(s)} Tj ET")

    def centered(y, s, font="F1", size=11):
        # Helvetica averages about 0.5 em per character: good enough to centre a heading.
        width = len(fold(s)) * size * 0.5
        text_at(int((page_w - width) / 2), y, s, font, size)

    y = 790
    centered(y, NATIONAL_HEADER[0], "F2", 12)
    y -= 16
    centered(y, NATIONAL_HEADER[1], "F2", 12)
    y -= 46
    for part in wrap(title, 48):
        centered(y, part, "F2", 14)
        y -= 20
    centered(y, basis, "F1", 10)
    y -= 28
    centered(y, addressee, "F1", 11)
    y -= 34
    for label in lines:
        for i, part in enumerate(wrap(label + ":", 70)):
            text_at(60, y, part)
            y -= 15
        ops.append(f"0.6 G 0.5 w 60 {y + 4} m 535 {y + 4} l S 0 G")
        y -= 13
    y -= 10
    text_at(330, y, "......., ngay ..... thang ..... nam 20.....", "F1", 10)
    y -= 16
    text_at(330, y, "Nguoi yeu cau (ky, ghi ro ho ten)", "F2", 10)
    y = 60
    for part in wrap(FOOTER, 105):
        text_at(60, y, part, "F1", 8)
        y -= 10
    stream = "\n".join(ops).encode("ascii")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w} {page_h}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ).encode("ascii"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode("ascii") + b" >>\nstream\n" + stream + b"\nendstream",
        ("<< /Title " + pdf_string(title) + " /Producer (congkhai make-forms.py) >>").encode("ascii"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode("ascii")
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode("ascii")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode("ascii")
    return bytes(out)


# --------------------------------------------------------------------------- main


def main():
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "content"
    for rel, title, addressee, basis, lines in FORMS:
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".docx":
            write_docx(path, title, addressee, basis, lines)
        elif path.suffix == ".pdf":
            path.write_bytes(pdf_bytes(title, addressee, basis, lines))
        else:
            raise SystemExit(f"unknown form type: {rel}")
        print(f"wrote {path.relative_to(content.parent)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
