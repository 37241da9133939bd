//! Vietnamese number and percentage formatting, and the ids of weekdays. Words (the currency,
//! "free", weekday names) come from the theme: `view::words`.
//!
//! Vietnamese writes `.` between thousands and `,` before decimals
//! ("1.250.000", "98,25"), the reverse of English.

/// Group the digits of `n` in threes with `.`: 12018 → "12.018".
pub fn format_number(n: u64) -> String {
    group_digits(u128::from(n))
}

/// `num / den` as a percentage with `decimals` digits after a decimal comma:
/// `percent(11808, 12018, 2)` → "98,25%".
///
/// Rounding is half up (away from zero, since both operands are unsigned):
/// 1/8 at no decimals is 12,5 → "13%". The digits come from exact integer
/// long division, so there is no floating-point drift and any number of
/// decimals is exact. The integer part is grouped like
/// [`format_number`] ("1.234%"). A zero denominator gives "—" (no data).
pub fn percent(num: u64, den: u64, decimals: u32) -> String {
    if den == 0 {
        return "—".to_owned();
    }
    let den = u128::from(den);
    // num * 100 < 2^71, so u128 cannot overflow here or below: every
    // remainder is < den < 2^64, and ten times that is < 2^68.
    let scaled = u128::from(num) * 100;
    let mut whole = scaled / den;
    let mut rem = scaled % den;
    let mut digits: Vec<u8> = Vec::with_capacity(decimals as usize);
    for _ in 0..decimals {
        rem *= 10;
        // The quotient of a value below 10 * den by den is a single digit.
        digits.push((rem / den) as u8);
        rem %= den;
    }
    // Half up: the discarded tail rem/den is >= 1/2.
    if rem * 2 >= den {
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == 9 {
                *d = 0;
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            whole += 1;
        }
    }
    let mut out = group_digits(whole);
    if !digits.is_empty() {
        out.push(',');
        out.extend(digits.iter().map(|&d| char::from(b'0' + d)));
    }
    out.push('%');
    out
}

/// Digit grouping shared by [`format_number`] and [`percent`] (whose integer
/// part can exceed `u64` when `den` is small).
fn group_digits(n: u128) -> String {
    let plain = n.to_string();
    let mut out = String::with_capacity(plain.len() + plain.len() / 3);
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (plain.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Weekday ids in order, as `opening_hours[].days` writes them (the theme names them).
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_groups_thousands_with_dots() {
        assert_eq!(format_number(0), "0");
        assert_eq!(format_number(999), "999");
        assert_eq!(format_number(1000), "1.000");
        assert_eq!(format_number(12018), "12.018");
        assert_eq!(format_number(123456), "123.456");
        assert_eq!(format_number(u64::MAX), "18.446.744.073.709.551.615");
    }

    #[test]
    fn percent_rounds_half_up() {
        assert_eq!(percent(11808, 12018, 2), "98,25%");
        assert_eq!(percent(11808, 12018, 1), "98,3%");
        assert_eq!(percent(1, 8, 1), "12,5%");
        assert_eq!(percent(1, 8, 0), "13%");
        assert_eq!(percent(1, 16, 2), "6,25%");
        assert_eq!(percent(1, 16, 1), "6,3%");
        assert_eq!(percent(1, 3, 2), "33,33%");
        assert_eq!(percent(2, 3, 2), "66,67%");
    }

    #[test]
    fn percent_carries_rounding_into_the_whole_part() {
        assert_eq!(percent(9999, 10000, 1), "100,0%");
        assert_eq!(percent(9999, 10000, 0), "100%");
        assert_eq!(percent(199, 200, 0), "100%");
    }

    #[test]
    fn percent_edge_cases() {
        assert_eq!(percent(5, 0, 2), "—");
        assert_eq!(percent(0, 7, 2), "0,00%");
        assert_eq!(percent(7, 7, 0), "100%");
        assert_eq!(percent(50, 1, 0), "5.000%");
        assert_eq!(percent(u64::MAX, u64::MAX, 3), "100,000%");
        assert_eq!(percent(1, 3, 12), "33,333333333333%");
    }

    #[test]
    fn weekdays_are_in_order() {
        assert_eq!(WEEKDAYS.first(), Some(&"mon"));
        assert_eq!(WEEKDAYS.last(), Some(&"sun"));
    }
}
