//! Every rule the `#[api(...)]` attributes must follow, one `check_*` each,
//! by the node of the input it is about, as thiserror's `valid.rs` is: the
//! type (`input.rs`), a variant (`variant.rs`), a field (`field.rs`). All
//! mistakes go to the [`Ctxt`]; nothing stops at the first one. Rules on
//! values that several nodes carry (a status, a JSON Pointer, a dotted
//! path) are here.

mod field;
mod input;
#[cfg(test)]
mod tests;
mod variant;

use syn::LitStr;

use crate::ast::Input;
use crate::ctxt::Ctxt;
use errcodes_rules::PointerProblem;

/// The envelope names `envelope = "..."` accepts.
pub use errcodes_rules::ENVELOPES;

/// Checks the whole input (its templates were parsed with the model): the
/// type, each variant with its fields, then what the variants together must
/// keep.
pub fn check(cx: &Ctxt, input: &Input) {
    input::check(cx, input);
    for variant in &input.variants {
        variant::check(cx, input, variant);
    }
    input::check_across_variants(cx, input);
}

// An error status is 4xx or 5xx.
pub(super) fn check_status_range(cx: &Ctxt, status: &crate::attr::Status) {
    let code = status.code;
    if (400..=599).contains(&code) {
        return;
    }
    let message = if (100..=399).contains(&code) {
        format!("status {code} is not an error status; ApiError statuses are 4xx or 5xx")
    } else {
        format!("`{code}` is not an HTTP status code; use a number from 400 to 599")
    };
    cx.error_spanned_by(status, message);
}

pub(super) fn check_json_pointer(cx: &Ctxt, lit: &LitStr, key: &str) {
    let value = lit.value();
    match errcodes_rules::check_json_pointer(&value) {
        Ok(()) => {}
        Err(PointerProblem::NoLeadingSlash) => cx.error_spanned_by(
            lit,
            format!(
                "`{key}` must be a JSON Pointer starting with `/`, e.g. `/{}`",
                value.trim_start_matches('#')
            ),
        ),
        // RFC 6901: `~` is escaped as `~0` and `/` as `~1`; nothing else.
        Err(PointerProblem::Escape(next)) => {
            let bad = next.map_or_else(|| "~".to_owned(), |c| format!("~{c}"));
            cx.error_spanned_by(
                lit,
                format!("`{bad}` in `{key} = \"{value}\"` is not a JSON Pointer escape: write `~0` for `~` and `~1` for `/`"),
            );
        }
    }
}

// `attr = "items.0.sku"` is a dotted path of member names: no empty part.
pub(super) fn check_dotted_path(cx: &Ctxt, lit: &LitStr) {
    let value = lit.value();
    if !value.is_empty() && value.split('.').any(str::is_empty) {
        cx.error_spanned_by(
            lit,
            format!("`attr = \"{value}\"` has an empty member name; a dotted path joins names with single dots, e.g. `items.0.sku`"),
        );
    }
}
