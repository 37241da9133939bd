//! The macros of the tables: codes, and the words of messages ([`super::message`]) and lines
//! ([`super::line`]).

/// Formats the English or the Vietnamese template, whichever `lang` is. Inline arguments
/// (`{key}`) name local variables, so both templates use the same names.
macro_rules! pick {
    ($lang:expr, $en:literal, $vi:literal) => {
        match $lang {
            Lang::En => format!($en),
            Lang::Vi => format!($vi),
        }
    };
}

/// Declares an enum of messages and the list of its variants' names (`KINDS`), so
/// that a test can tell that every variant has an example.
macro_rules! kinds {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident $({ $($body:tt)* })? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* $variant $({ $($body)* })? ),*
        }

        impl $name {
            /// The name of every variant.
            pub const KINDS: &'static [&'static str] = &[$(stringify!($variant)),*];

            /// The name of this variant.
            pub fn kind(&self) -> &'static str {
                match self {
                    $( Self::$variant { .. } => stringify!($variant) ),*
                }
            }
        }
    };
}

/// Declares the enum of codes, with [`Code::as_str`] and [`Code::ALL`] made from the same list,
/// so that a new code is one line.
macro_rules! codes {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* $variant ),*
        }

        impl $name {
            /// Every code, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The code as printed, `CK012`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => stringify!($variant) ),*
                }
            }
        }
    };
}
