//! QR codes of stable links (`/ma/<code>/`) for the printed checklist, as inline SVG.
//!
//! The qrcode crate's high-level API tries all eight mask patterns and scores each; that search
//! was a fifth of the whole build at 10,000 procedures. Any mask is valid for readers (the mask
//! only lowers the chance of confusing patterns), so we fix one, and draw one SVG path of
//! horizontal strokes instead of a rectangle per module.

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
    svg.push_str(r##"" fill="#fff"/><path stroke="#000" d=""##);
    // Each horizontal run of dark modules is one stroke, one module wide, along the middle of
    // its row: a row starts with an absolute move, later runs in it with a relative one. This
    // is half the bytes of a filled rectangle per run.
    for (y, row) in colors.chunks(width).enumerate() {
        // Where the pen is in this row (after the last run drawn), if anywhere yet.
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            match pen {
                None => {
                    svg.push('M');
                    push_number(&mut svg, start + quiet);
                    svg.push(' ');
                    push_number(&mut svg, y + quiet);
                    svg.push_str(".5h");
                }
                Some(at) => {
                    svg.push('m');
                    push_number(&mut svg, start - at);
                    svg.push_str(" 0h");
                }
            }
            push_number(&mut svg, x - start);
            pen = Some(x);
        }
    }
    svg.push_str(r#""/></svg>"#);
    Some(svg)
}

/// Appends `n` in decimal (`core::fmt` was most of the time spent here).
fn push_number(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod tests {
    /// Draws the SVG the way a browser would, at `scale` pixels per module: the white square,
    /// then each stroke of the path (one module high, centred on its `y`). Only the commands
    /// [`super::svg`] writes are understood; anything else fails the test.
    fn rasterize(svg: &str, scale: usize) -> (usize, Vec<u8>) {
        let view_box = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
        let size: usize = view_box.split(' ').next().unwrap().parse().unwrap();
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let side = size * scale;
        let mut pixels = vec![255u8; side * side];
        let (mut x, mut y) = (0.0f64, 0.0f64);
        let mut rest = d;
        while let Some(command) = rest.chars().next() {
            rest = &rest[1..];
            let end = rest
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let args: Vec<f64> = rest[..end].split(' ').map(|a| a.parse().unwrap()).collect();
            rest = &rest[end..];
            match (command, args.as_slice()) {
                ('M', [ax, ay]) => (x, y) = (*ax, *ay),
                ('m', [dx, dy]) => (x, y) = (x + dx, y + dy),
                ('h', [dx]) => {
                    let row = (y - 0.5) as usize;
                    for module in x as usize..(x + dx) as usize {
                        for py in row * scale..(row + 1) * scale {
                            for px in module * scale..(module + 1) * scale {
                                pixels[py * side + px] = 0;
                            }
                        }
                    }
                    x += dx;
                }
                other => panic!("unexpected path command {other:?} in {d}"),
            }
        }
        (side, pixels)
    }

    #[test]
    fn qr_svg_decodes_to_its_data() {
        for data in [
            "https://binhan.example.gov.vn/ma/1.001193/",
            "https://dichvucong.example.gov.vn/tinh-binh-an/ma/2.002581/",
            "https://x.vn/ma/9.000103/",
        ] {
            let svg = super::svg(data).unwrap();
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
            let (side, pixels) = rasterize(&svg, 4);
            let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
                pixels[y * side + x]
            });
            let grids = image.detect_grids();
            assert_eq!(grids.len(), 1, "one QR code in {svg}");
            let (_, content) = grids[0].decode().unwrap();
            assert_eq!(content, data);
        }
    }
}
