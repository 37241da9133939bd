//! QR codes of stable links (`/ma/<code>/`) for the printed checklist, as inline SVG.
//!
//! The qrcode crate's high-level API tries all eight mask patterns and scores each; that search
//! was a fifth of the whole build at 10,000 procedures. Any mask is valid for readers (the mask
//! only lowers the chance of confusing patterns), so we fix one, and draw one SVG path instead
//! of a rectangle per module.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, bits, ec};

/// The QR code of `data` as an SVG element (no XML declaration), or `None` if it does not fit.
pub fn svg(data: &str) -> Option<String> {
    let level = EcLevel::M;
    let bits = bits::encode_auto(data.as_bytes(), level).ok()?;
    let version = bits.version();
    let (data_codewords, ec_codewords) =
        ec::construct_codewords(&bits.into_bytes(), version, level).ok()?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data_codewords, &ec_codewords);
    canvas.apply_mask(MaskPattern::Checkerboard);
    let width = usize::try_from(version.width()).ok()?;
    let colors = canvas.into_colors();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut svg = String::with_capacity(400 + width * width * 3);
    svg.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#);
    push_number(&mut svg, size);
    svg.push(' ');
    push_number(&mut svg, size);
    svg.push_str(r#"" width="120" height="120" shape-rendering="crispEdges" aria-hidden="true"><rect width=""#);
    push_number(&mut svg, size);
    svg.push_str(r#"" height=""#);
    push_number(&mut svg, size);
    svg.push_str(r##"" fill="#fff"/><path d=""##);
    // One subpath per horizontal run of dark modules keeps the inline SVG small.
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                svg.push('M');
                push_number(&mut svg, start + quiet);
                svg.push(' ');
                push_number(&mut svg, y + quiet);
                svg.push('h');
                push_number(&mut svg, run);
                svg.push_str("v1h-");
                push_number(&mut svg, run);
                svg.push('z');
            } else {
                x += 1;
            }
        }
    }
    svg.push_str(r##"" fill="#000"/></svg>"##);
    Some(svg)
}

/// Appends `n` in decimal (`core::fmt` was most of the time spent here).
fn push_number(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod tests {
    #[test]
    fn qr_svg_has_modules_and_quiet_zone() {
        let svg = super::svg("https://binhan.example.gov.vn/ma/1.001193/").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.matches('M').count() > 100, "{svg}");
    }
}
