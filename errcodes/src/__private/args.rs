//! A derived type's fields as message arguments (feature `fluent`): a
//! number as a number (integers exact), anything else by its `Display`.

pub use crate::l10n::{Arg, ArgVisitor, Message, MessageArgs, Messages};

/// A derived type's message: `catalogs` (the type's, always `Some` where
/// the derive calls this) keyed by `id`, with `args`.
#[must_use]
pub fn message<'a>(
    catalogs: Option<&'static Messages>,
    id: &'a str,
    args: &'a dyn MessageArgs,
) -> Option<Message<'a>> {
    Some(Message::new(catalogs?, id, args))
}

/// A field as a message argument: a number as [`Arg::Number`], anything
/// else by its `Display` (autoref specialization, as in `rebuild`).
pub struct ArgOf<'a, T: ?Sized>(pub &'a T);

/// A number the message can apply plural rules to.
pub trait ArgNumber {
    /// The number as a message argument: integers exact.
    fn to_arg(&self) -> Arg<'static>;
}

macro_rules! arg_numbers {
    ($variant:ident: $wide:ty: $($t:ty),*) => {$(
        impl ArgNumber for $t {
            #[allow(clippy::cast_lossless, trivial_numeric_casts)]
            fn to_arg(&self) -> Arg<'static> {
                Arg::$variant(*self as $wide)
            }
        }
    )*};
}
arg_numbers!(Unsigned: u128: u8, u16, u32, u64, u128, usize);
arg_numbers!(Signed: i128: i8, i16, i32, i64, i128, isize);
arg_numbers!(Number: f64: f32, f64);

/// A number field.
pub trait ArgByNumber<'a> {
    /// The argument.
    fn arg(&self) -> Arg<'a>;
}
impl<'a, T: ArgNumber> ArgByNumber<'a> for &&ArgOf<'a, T> {
    fn arg(&self) -> Arg<'a> {
        self.0.to_arg()
    }
}

/// Any other field, by its `Display`.
pub trait ArgByDisplay<'a> {
    /// The argument.
    fn arg(&self) -> Arg<'a>;
}
impl<'a, T: core::fmt::Display> ArgByDisplay<'a> for &ArgOf<'a, T> {
    fn arg(&self) -> Arg<'a> {
        Arg::Text(self.0)
    }
}
