//! Code generation: the `ApiError` impl, with every status, code, title and
//! content decision made here, at compile time, as constants in match arms.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{DeriveInput, LitStr, Member};

use crate::ast::{self, Field, Input, Variant};
use crate::attr::EnvelopeAttr;
use crate::ctxt::Ctxt;
use crate::fmt::{self, Template};
use crate::prop::{self, header_kind, HeaderKind};
use crate::{decode, fallback, status, valid};

/// The derive: parse, validate, expand; or our errors plus a stub.
pub fn derive(node: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let input = Input::from_syn(&cx, node);
    if let Some(input) = &input {
        valid::check(&cx, input);
    }
    let catalogs = input.as_ref().and_then(|input| catalogs(&cx, input));
    match (cx.check(), input) {
        (Ok(()), Some(input)) => impl_api_error(&input, catalogs.as_ref()),
        (Err(errors), _) => fallback::expand(node, &errors),
        // `from_syn` returns `None` only after reporting an error.
        (Ok(()), None) => fallback::expand(node, &syn::Error::new_spanned(node, "invalid input")),
    }
}

/// The type's message catalogs (`locales = "..."`), read and checked.
#[cfg(feature = "fluent")]
fn catalogs(cx: &Ctxt, input: &Input) -> Option<Catalogs> {
    let lit = input.attrs.locales.as_ref()?;
    let catalogs = crate::l10n::load(cx, input, lit)?;
    crate::l10n::check(cx, input, &catalogs, lit);
    Some(catalogs)
}

/// Without the `fluent` feature a type cannot declare catalogs.
#[cfg(not(feature = "fluent"))]
fn catalogs(cx: &Ctxt, input: &Input) -> Option<Catalogs> {
    if let Some(lit) = &input.attrs.locales {
        cx.error_spanned_by(
            lit,
            "`locales` needs errcodes' `fluent` feature: `errcodes = { version = \"0.1\", features = [\"fluent\"] }`",
        );
    }
    None
}

/// How a variant's detail reads in each locale of the type's catalogs.
#[cfg(feature = "fluent")]
fn readings(input: &Input, catalogs: Option<&Catalogs>, variant: &Variant) -> Vec<decode::Reading> {
    catalogs.map_or_else(Vec::new, |c| {
        c.readings(&prop::effective_code(input, variant))
    })
}

#[cfg(not(feature = "fluent"))]
fn readings(_: &Input, _: Option<&Catalogs>, _: &Variant) -> Vec<decode::Reading> {
    Vec::new()
}

#[cfg(feature = "fluent")]
use crate::l10n::Catalogs;
/// Without the `fluent` feature there are no catalogs.
#[cfg(not(feature = "fluent"))]
enum Catalogs {}

/// One variant (or the struct) with what the impl needs of it.
struct Arm<'i, 'a> {
    input: &'i Input<'a>,
    variant: &'i Variant<'a>,
    template: Option<&'i Template>,
    instance: Option<&'i Template>,
}

impl Arm<'_, '_> {
    fn path(&self) -> TokenStream {
        match self.variant.ident {
            Some(ident) => quote!(Self::#ident),
            None => quote!(Self),
        }
    }

    /// `Self::V { .. }`: matches without binding anything.
    fn any(&self) -> TokenStream {
        let path = self.path();
        quote!(#path { .. })
    }

    /// `Self::V { name: __f_name, 0: __f_0, .. }`: binds just `members`.
    fn bind<'m>(&self, members: impl IntoIterator<Item = &'m Member>) -> TokenStream {
        let path = self.path();
        let binds = members.into_iter().map(|m| {
            let local = fmt::local(m);
            quote!(#m: #local)
        });
        quote!(#path { #(#binds,)* .. })
    }

    fn transparent_field(&self) -> Option<&Field<'_>> {
        self.variant
            .attrs
            .transparent
            .and(self.variant.fields.first())
    }

    fn status(&self) -> u16 {
        prop::effective_status(self.input, self.variant).unwrap_or(500)
    }

    /// An arm delegating to the transparent inner error, or `None`; `call`
    /// builds the arm's expression from the inner error's expression.
    fn delegate(&self, call: impl Fn(&TokenStream) -> TokenStream) -> Option<TokenStream> {
        let field = self.transparent_field()?;
        let pat = self.bind([&field.member]);
        let local = fmt::local_at(&field.member, field.ty.span());
        let inner = quote_spanned!(field.ty.span()=> ::errcodes::__private::transparent(#local));
        let body = call(&inner);
        Some(quote!(#pat => #body,))
    }

    /// Field-level items of the variant with a given attribute.
    fn fields_with<'s>(
        &'s self,
        pick: impl Fn(&Field) -> bool + 's,
    ) -> impl Iterator<Item = &'s Field<'s>> + 's {
        self.variant.fields.iter().filter(move |f| pick(f))
    }
}

fn impl_api_error(input: &Input, catalogs: Option<&Catalogs>) -> TokenStream {
    let arms: Vec<Arm> = input
        .variants
        .iter()
        .map(|variant| Arm {
            input,
            variant,
            template: variant.detail.as_ref(),
            instance: variant.instance.as_ref(),
        })
        .collect();
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let predicates = where_predicates(input, &arms);

    let api = quote!(::errcodes::ApiError);
    let status = method(&arms, &quote!(#api::status), |arm| {
        let written = arm
            .variant
            .attrs
            .status
            .as_ref()
            .or(arm.input.attrs.status.as_ref());
        let code = arm.status();
        match written {
            // Every decision (4xx or 5xx, title, redaction) was made from the
            // constant's name, so its value is checked to be that status at
            // compile time: a constant named `NOT_FOUND` that is 500 is an
            // error at the path, never a 500 rendered as a 404.
            Some(status) if syn::parse2::<syn::Path>(status.tokens.clone()).is_ok() => {
                // An anonymous const item, because `cargo check` evaluates
                // those (an inline `const { }` only at code generation).
                let path = &status.tokens;
                let check = quote_spanned!(path.span()=> const _: () = ::errcodes::__private::check_named_status(#path, #code););
                let status = status_expr(code);
                quote!({ #check #status })
            }
            _ => status_expr(code),
        }
    });
    let code = method(&arms, &quote!(#api::code), |arm| {
        let code = prop::effective_code(arm.input, arm.variant);
        quote!(#code)
    });
    let title = method(&arms, &quote!(#api::title), |arm| {
        let title = arm_title(arm);
        quote!(#title)
    });
    let detail = detail_body(&arms);
    let optional = optional_methods(input, &arms, catalogs);

    let schema_name = ident.to_string();
    // With thiserror's Display, actix's own trait; without, a conversion.
    let displays = input.has_error_attr.then(|| quote!(display));
    let inner_types = arms
        .iter()
        .filter_map(|arm| arm.transparent_field().map(|field| field.ty));
    let decode = decode::impl_decode(
        input,
        envelope_expr(input),
        &impl_generics,
        &ty_generics,
        &predicates,
        &|variant| readings(input, catalogs, variant),
    );
    let from_impls = from_impls(input);
    let catalog = catalog_impl(input, &arms, catalogs);

    quote! {
        #from_impls
        #catalog
        ::errcodes::__private::impl_axum! {
            {#impl_generics} {#ident #ty_generics} {#(#predicates,)*}
        }
        ::errcodes::__private::impl_actix! {
            {#impl_generics} {#ident #ty_generics} {#(#predicates,)*} {#displays}
        }
        ::errcodes::__private::impl_utoipa! {
            {#impl_generics} {#ident #ty_generics} {#(#predicates,)*} {#schema_name} {#(#inner_types),*}
        }
        #decode
        #[automatically_derived]
        #[allow(clippy::match_same_arms, clippy::too_many_lines, unreachable_code)]
        impl #impl_generics #api for #ident #ty_generics where #(#predicates,)* {
            fn status(&self) -> ::errcodes::__private::StatusCode {
                #status
            }
            fn code(&self) -> &str {
                #code
            }
            fn title(&self) -> &str {
                #title
            }
            fn fmt_detail(
                &self,
                __formatter: &mut ::errcodes::__private::Formatter<'_>,
            ) -> ::errcodes::__private::FmtResult {
                #detail
            }
            #optional
        }
    }
}

/// A status as an expression: the `http` crate's named constant (a path,
/// cheaper to compile than evaluating a `const` block per variant), or the
/// status built in a `const` block for a code it does not name.
fn status_expr(code: u16) -> TokenStream {
    match status::by_code(code) {
        Some((_, name, _)) => {
            let name = format_ident!("{}", name);
            quote!(::errcodes::__private::StatusCode::#name)
        }
        None => quote!(const { ::errcodes::__private::status(#code) }),
    }
}

/// `impl Catalog`: each variant as data, decided here, at compile time.
fn catalog_impl(input: &Input, arms: &[Arm], catalogs: Option<&Catalogs>) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let p = quote!(::errcodes::__private);
    let base = type_settings(input);
    let entries = arms.iter().map(|arm| {
        let v = &arm.variant.attrs;
        let variant = prop::variant_name(arm.input, arm.variant);
        if let Some(field) = arm.transparent_field() {
            let inner = prop::type_text(field.ty);
            return quote!(#p::transparent_entry(#variant, #inner));
        }
        let status = arm.status();
        let code = prop::effective_code(arm.input, arm.variant);
        let code_sent = !(status >= 500 && v.code.is_none())
            && v.no_code.is_none()
            && input.attrs.no_code.is_none();
        let title = v
            .title
            .as_ref()
            .map_or_else(|| status::default_title(status).to_owned(), LitStr::value);
        // Each fact the variant declares wraps the entry in one call.
        let mut calls: Vec<(&str, TokenStream)> = Vec::new();
        if !code_sent {
            calls.push(("entry_code_withheld", TokenStream::new()));
        }
        if let Some(base) = input.attrs.type_base.as_ref().filter(|_| code_sent) {
            let uri = format!("{}{code}", base.value());
            calls.push(("entry_type_uri", quote!(#uri)));
        }
        if let Some(lit) = &v.detail {
            calls.push(("entry_detail", quote!(#lit)));
        }
        if let Some(lit) = &v.instance {
            calls.push(("entry_instance", quote!(#lit)));
        }
        let runtime_attr = arm
            .fields_with(|f| f.attrs.attr_flag.is_some())
            .next()
            .map(|f| ("attr field", ast::member_name(&f.member)));
        let location = [
            ("attr", &v.attr_name),
            ("pointer", &v.pointer),
            ("parameter", &v.parameter),
            ("header", &v.header),
        ]
        .into_iter()
        .find_map(|(kind, lit)| lit.as_ref().map(|lit| (kind, lit.value())))
        .or(runtime_attr);
        if let Some((kind, value)) = location {
            calls.push(("entry_location", quote!(#kind, #value)));
        }
        if let Some(lit) = &v.kind {
            calls.push(("entry_kind", quote!(#lit)));
        }
        let headers: Vec<String> = arm
            .fields_with(|f| f.attrs.header.is_some())
            .filter_map(|f| f.attrs.header.as_ref().map(LitStr::value))
            .collect();
        let meta: Vec<String> = arm
            .fields_with(|f| f.attrs.meta.is_some())
            .map(|f| f.meta_name())
            .collect();
        if !headers.is_empty() || !meta.is_empty() {
            calls.push(("entry_fields", quote!(&[#(#headers),*], &[#(#meta),*])));
        }
        let own = arm_settings(arm);
        if !base.is_empty() || !own.is_empty() {
            let base = if base.is_empty() {
                quote!(#p::Settings::new())
            } else {
                base.clone()
            };
            calls.push(("entry_settings", quote!(#base #own)));
        }
        calls.into_iter().fold(
            quote!(#p::entry(#variant, #status, #code, #title)),
            |entry, (name, args)| {
                let name = format_ident!("{}", name);
                if args.is_empty() {
                    quote!(#p::#name(#entry))
                } else {
                    quote!(#p::#name(#entry, #args))
                }
            },
        )
    });
    let envelope =
        envelope_expr(input).map(|envelope| quote!(const ENVELOPE: #p::Envelope = #envelope;));
    let domain = input
        .attrs
        .domain
        .as_ref()
        .map(|domain| quote!(const DOMAIN: #p::Option<&'static str> = #p::Some(#domain);));
    let settings =
        (!base.is_empty()).then(|| quote!(const SETTINGS: #p::Settings<'static> = #base;));
    #[cfg(feature = "fluent")]
    let messages = catalogs.map(|catalogs| {
        let declared = crate::l10n::messages_static(catalogs);
        quote!(const MESSAGES: #p::Option<&'static #p::Messages> = { #declared #p::Some(&__MESSAGES) };)
    });
    #[cfg(not(feature = "fluent"))]
    let messages: Option<TokenStream> = catalogs.map(|never| match *never {});
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::Catalog for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#p::CatalogEntry] = &[#(#entries),*];
            #envelope
            #domain
            #settings
            #messages
        }
    }
}

/// `impl From<Field> for Type` for each variant whose one field is
/// `#[api(from)]`, as thiserror's `#[from]` does.
fn from_impls(input: &Input) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    input
        .variants
        .iter()
        .filter_map(|variant| {
            let field = variant.fields.iter().find(|f| f.attrs.from.is_some())?;
            let ty = field.ty;
            let member = &field.member;
            let path = match variant.ident {
                Some(v) => quote!(Self::#v),
                None => quote!(Self),
            };
            Some(quote! {
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(source: #ty) -> Self {
                        #path { #member: source }
                    }
                }
            })
        })
        .collect()
}

/// `match self { ... }` with one constant arm per variant and a delegating
/// arm per transparent variant. An empty enum matches on `*self`.
fn method(
    arms: &[Arm],
    delegate: &TokenStream,
    constant: impl Fn(&Arm) -> TokenStream,
) -> TokenStream {
    if arms.is_empty() {
        return quote!(match *self {});
    }
    let each = arms.iter().map(|arm| {
        arm.delegate(|inner| quote!(#delegate(#inner)))
            .unwrap_or_else(|| {
                let pat = arm.any();
                let value = constant(arm);
                quote!(#pat => #value,)
            })
    });
    quote!(match self { #(#each)* })
}

/// The type's envelope, as a constant expression, if it declares one.
fn envelope_expr(input: &Input) -> Option<TokenStream> {
    let p = quote!(::errcodes::__private);
    match &input.attrs.envelope {
        Some(EnvelopeAttr::Name(lit)) => {
            let constant = match lit.value().as_str() {
                "jsonapi" => quote!(JsonApi),
                "laravel" => quote!(Laravel),
                "drf" => quote!(Drf),
                "shipstream" => quote!(ShipStream),
                "aip193" => quote!(Aip193),
                _ => quote!(Problem),
            };
            Some(quote!(#p::Envelope::#constant))
        }
        Some(EnvelopeAttr::Path(path)) => {
            // Spanned at the path, so a value that is not a `Format` (or not
            // a constant) is reported there.
            let envelope = quote_spanned!(path.span()=> #p::custom_envelope(&#path));
            Some(quote!(const { #envelope }))
        }
        None => None,
    }
}

/// The variant's title: its own, else its status's reason phrase.
fn arm_title(arm: &Arm) -> String {
    match &arm.variant.attrs.title {
        Some(lit) => lit.value(),
        None => status::default_title(arm.status()).to_owned(),
    }
}

/// `fmt_detail`: the template written straight into the formatter, the
/// type's `Display` text for a 4xx without one, nothing for a 5xx without
/// one (its text may not be shown).
fn detail_body(arms: &[Arm]) -> TokenStream {
    if arms.is_empty() {
        return quote!(match *self {});
    }
    let each = arms.iter().map(|arm| {
        if let Some(delegated) =
            arm.delegate(|inner| quote!(::errcodes::ApiError::fmt_detail(#inner, __formatter)))
        {
            return delegated;
        }
        match arm.template {
            Some(template) => template_arm(arm, template),
            None if arm.status() < 500 => {
                let pat = arm.any();
                let span = arm.variant.span_node.span();
                let title = arm_title(arm);
                let display = quote_spanned!(span=> ::errcodes::__private::DisplayDetail::fmt_display_detail(self, #title, __formatter));
                quote!(#pat => #display,)
            }
            None => {
                let pat = arm.any();
                quote!(#pat => ::core::result::Result::Ok(()),)
            }
        }
    });
    quote!(match self { #(#each)* })
}

/// An arm writing `template` into `__formatter`: one `write_str` for plain
/// text, else `write!` over the bound fields.
fn template_arm(arm: &Arm, template: &Template) -> TokenStream {
    if let Some(text) = template.plain_text() {
        let pat = arm.any();
        return quote!(#pat => __formatter.write_str(#text),);
    }
    let pat = arm.bind(&template.used);
    let format = LitStr::new(&template.format, template.lit.span());
    quote!(#pat => ::core::write!(__formatter, #format),)
}

/// An arm writing an `instance` template: like [`template_arm`], each
/// field's text percent-encoded, so the result stays a URI reference
/// whatever the values hold.
fn instance_arm(arm: &Arm, template: &Template) -> TokenStream {
    if template.plain_text().is_some() {
        return template_arm(arm, template);
    }
    let pat = arm.bind(&template.used);
    let shadows = template
        .used
        .iter()
        .filter(|m| !template.counts.contains(m))
        .map(|m| {
            let local = fmt::local(m);
            quote!(let #local = &::errcodes::__private::UriEncoded(#local);)
        });
    let format = LitStr::new(&template.format, template.lit.span());
    quote!(#pat => { #(#shadows)* ::core::write!(__formatter, #format) })
}

fn uses_display_fallback(arm: &Arm) -> bool {
    arm.transparent_field().is_none() && arm.template.is_none() && arm.status() < 500
}

/// The provided methods worth overriding for this input, one function
/// each; the trait's defaults serve the rest.
fn optional_methods(input: &Input, arms: &[Arm], catalogs: Option<&Catalogs>) -> TokenStream {
    let any_transparent = arms.iter().any(|a| a.transparent_field().is_some());
    let mut out = TokenStream::new();
    #[cfg(feature = "fluent")]
    out.extend(fn_l10n(arms, any_transparent, catalogs));
    #[cfg(not(feature = "fluent"))]
    let _ = catalogs;
    out.extend(fn_detail_str(arms, any_transparent));
    out.extend(fn_instance(arms, any_transparent));
    out.extend(fn_location(arms, any_transparent));
    out.extend(fn_errors(arms, any_transparent));
    out.extend(fn_source_error(arms, any_transparent));
    out.extend(fn_visit_meta(arms, any_transparent));
    out.extend(fn_visit_headers(arms, any_transparent));
    out.extend(fn_settings(input, arms, any_transparent));
    out
}

/// `messages` (the type's catalogs, or a transparent variant's inner
/// error's) and `visit_args` (each field the `detail` template reads, a
/// number as a number so plural rules apply).
#[cfg(feature = "fluent")]
fn fn_l10n(arms: &[Arm], any_transparent: bool, catalogs: Option<&Catalogs>) -> TokenStream {
    if catalogs.is_none() && !any_transparent {
        return TokenStream::new();
    }
    let p = quote!(::errcodes::__private);
    let declared = catalogs.is_some().then_some(());
    let messages = arms.iter().map(|arm| {
        if let Some(d) = arm.delegate(|inner| quote!(::errcodes::ApiError::messages(#inner))) {
            return d;
        }
        let pat = arm.any();
        if declared.is_some() {
            quote!(#pat => <Self as #p::Catalog>::MESSAGES,)
        } else {
            quote!(#pat => #p::None,)
        }
    });
    let messages = match_self(arms, messages);
    let args = arms.iter().map(|arm| {
        if let Some(d) =
            arm.delegate(|inner| quote!(::errcodes::ApiError::visit_args(#inner, __visitor)))
        {
            return d;
        }
        let used: Vec<&Member> = if declared.is_some() {
            arm.template
                .map(|t| t.used.iter().collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let pat = arm.bind(used.iter().copied());
        let calls = used.iter().map(|member| {
            let name = crate::l10n::variable(member);
            let local = fmt::local(member);
            quote!(__visitor.visit(#name, (&&&#p::ArgOf(#local)).arg());)
        });
        quote!(#pat => { #(#calls)* })
    });
    let args = match_self(arms, args);
    // A transparent variant's texts are keyed as its inner error keys them.
    let forwarded = any_transparent.then(|| {
        let ids = arms.iter().map(|arm| {
            arm.delegate(|inner| quote!(::errcodes::ApiError::message_id(#inner)))
                .unwrap_or_else(|| {
                    let pat = arm.any();
                    quote!(#pat => ::errcodes::ApiError::code(self),)
                })
        });
        let ids = match_self(arms, ids);
        let fallbacks = arms.iter().map(|arm| {
            arm.delegate(
                |inner| quote!(::errcodes::ApiError::fmt_fallback_detail(#inner, __formatter)),
            )
            .unwrap_or_else(|| {
                let pat = arm.any();
                quote!(#pat => ::errcodes::ApiError::fmt_detail(self, __formatter),)
            })
        });
        let fallbacks = match_self(arms, fallbacks);
        quote! {
            fn message_id(&self) -> &str {
                #ids
            }
            fn fmt_fallback_detail(&self, __formatter: &mut #p::Formatter<'_>) -> #p::FmtResult {
                #fallbacks
            }
        }
    });
    quote! {
        fn messages(&self) -> #p::Option<&'static #p::Messages> {
            #messages
        }
        fn visit_args(&self, __visitor: &mut dyn #p::ArgVisitor) {
            #[allow(unused_imports)]
            use #p::{ArgByDisplay as _, ArgByNumber as _};
            #args
        }
        #forwarded
    }
}

/// `match self { ... }`, or `match *self {}` for an empty enum.
fn match_self(arms: &[Arm], each: impl Iterator<Item = TokenStream>) -> TokenStream {
    if arms.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#each)* })
    }
}

/// `detail_str`: the literal of each `detail` without placeholders, so
/// renderers copy it directly.
fn fn_detail_str(arms: &[Arm], any_transparent: bool) -> TokenStream {
    let plain = |a: &Arm| a.template.and_then(Template::plain_text);
    if !any_transparent && !arms.iter().any(|a| plain(a).is_some()) {
        return TokenStream::new();
    }
    let p = quote!(::errcodes::__private);
    let body = method(
        arms,
        &quote!(::errcodes::ApiError::detail_str),
        |arm| match plain(arm) {
            Some(text) => quote!(#p::Some(#text)),
            None => quote!(#p::None),
        },
    );
    quote!(fn detail_str(&self) -> #p::Option<&str> { #body })
}

/// `fmt_instance`: each `instance` template, percent-encoding its values.
fn fn_instance(arms: &[Arm], any_transparent: bool) -> TokenStream {
    if !any_transparent && !arms.iter().any(|a| a.instance.is_some()) {
        return TokenStream::new();
    }
    let api = quote!(::errcodes::ApiError);
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) = arm.delegate(|inner| quote!(#api::fmt_instance(#inner, __formatter))) {
            return d;
        }
        match arm.instance {
            Some(template) => instance_arm(arm, template),
            None => {
                let pat = arm.any();
                quote!(#pat => ::core::result::Result::Ok(()),)
            }
        }
    });
    let body = match_self(arms, each);
    quote! {
        fn fmt_instance(&self, __formatter: &mut #p::Formatter<'_>) -> #p::FmtResult {
            #body
        }
    }
}

/// `location`: the member an error is about (`attr`, or an `#[api(attr)]`
/// field) comes first; an explicit `pointer` / `parameter` / `header` is the
/// location when there is no member (and the JSON:API source always, see
/// [`arm_settings`]).
fn fn_location(arms: &[Arm], any_transparent: bool) -> TokenStream {
    let located = |a: &Arm| member(a).is_some() || explicit_source(a).is_some();
    if !any_transparent && !arms.iter().any(located) {
        return TokenStream::new();
    }
    let api = quote!(::errcodes::ApiError);
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) = arm.delegate(|inner| quote!(#api::location(#inner))) {
            return d;
        }
        let (pat, value) = member(arm).unwrap_or_else(|| {
            let value =
                explicit_source(arm).map_or_else(|| quote!(#p::None), |v| quote!(#p::Some(#v)));
            (arm.any(), value)
        });
        quote!(#pat => #value,)
    });
    let body = match_self(arms, each);
    quote! {
        fn location(&self) -> #p::Option<#p::Location<'_>> {
            #body
        }
    }
}

/// `errors`: a transparent variant stands for what its inner error stands
/// for, so a wrapped collection (`ApiErrors`) keeps its many-error shape,
/// written under this type (whose settings then apply to it).
fn fn_errors(arms: &[Arm], any_transparent: bool) -> TokenStream {
    if !any_transparent {
        return TokenStream::new();
    }
    let api = quote!(::errcodes::ApiError);
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        arm.delegate(|inner| quote!(#p::errors_under(#api::errors(#inner), self)))
            .unwrap_or_else(|| {
                let pat = arm.any();
                quote!(#pat => #p::None,)
            })
    });
    let body = match_self(arms, each);
    quote! {
        fn errors(&self) -> #p::Option<#p::ErrorList<'_>> { #body }
    }
}

/// `source_error`: the `#[api(source)]` (or `from`) field.
fn fn_source_error(arms: &[Arm], any_transparent: bool) -> TokenStream {
    let has_source = |a: &Arm| a.fields_with(|f| f.attrs.is_source()).next().is_some();
    if !any_transparent && !arms.iter().any(has_source) {
        return TokenStream::new();
    }
    let api = quote!(::errcodes::ApiError);
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) = arm.delegate(|inner| quote!(#api::source_error(#inner))) {
            return d;
        }
        if let Some(field) = arm.fields_with(|f| f.attrs.is_source()).next() {
            let pat = arm.bind([&field.member]);
            let local = fmt::local_at(&field.member, field.ty.span());
            // Method syntax derefs, so `Box<dyn Error + Send + Sync>`
            // (no `Error` itself) reaches the impl for `dyn Error`.
            let source = quote_spanned!(field.ty.span()=> {
                use ::errcodes::__private::AsDynError as _;
                (*#local).as_dyn_error()
            });
            return quote!(#pat => #p::Some(#source),);
        }
        let pat = arm.any();
        quote!(#pat => #p::None,)
    });
    let body = match_self(arms, each);
    quote! {
        fn source_error(&self) -> #p::Option<&(dyn ::std::error::Error + 'static)> {
            #body
        }
    }
}

/// `visit_meta`: each `#[api(meta)]` field under its member name.
fn fn_visit_meta(arms: &[Arm], any_transparent: bool) -> TokenStream {
    visit_method(
        arms,
        any_transparent,
        &quote!(visit_meta),
        &quote!(MetaVisitor),
        |f| f.attrs.meta.is_some(),
        |field, local| {
            let name = field.meta_name();
            // A `Duration` as whole seconds, the number `Retry-After` says.
            let value = if prop::is_std_duration(field.ty) {
                quote_spanned!(field.ty.span()=> &::errcodes::__private::MetaSeconds(#local))
            } else {
                quote_spanned!(field.ty.span()=> ::errcodes::__private::meta_value(#local))
            };
            quote!(__visitor.visit(#name, #value);)
        },
    )
}

/// `visit_headers`: each `#[api(header = "...")]` field, its value written
/// by its type (delta-seconds, HTTP-date, a list, or `Display`).
fn fn_visit_headers(arms: &[Arm], any_transparent: bool) -> TokenStream {
    let p = quote!(::errcodes::__private);
    visit_method(
        arms,
        any_transparent,
        &quote!(visit_headers),
        &quote!(HeaderVisitor),
        |f| f.attrs.header.is_some(),
        |field, local| {
            let name = field
                .attrs
                .header
                .as_ref()
                .map(|lit| lit.value().to_ascii_lowercase())
                .unwrap_or_default();
            let span = field.ty.span();
            let value = match header_kind(field.ty) {
                HeaderKind::Display => {
                    quote_spanned!(span=> ::errcodes::__private::header_value(#local))
                }
                HeaderKind::DeltaSeconds => {
                    quote_spanned!(span=> &::errcodes::__private::DeltaSeconds(#local))
                }
                HeaderKind::HttpDate => {
                    quote_spanned!(span=> &::errcodes::__private::HttpDate(#local))
                }
                HeaderKind::List => {
                    quote_spanned!(span=> &::errcodes::__private::HeaderList(#local))
                }
            };
            quote! {{
                static __NAME: #p::HeaderName = #p::HeaderName::from_static(#name);
                __visitor.visit(&__NAME, #value);
            }}
        },
    )
}

/// The type's settings as a constant expression: `Settings::new()` and one
/// call per `#[api(...)]` setting on the type; empty when it sets none.
fn type_settings(input: &Input) -> TokenStream {
    let p = quote!(::errcodes::__private);
    let a = &input.attrs;
    let mut calls = TokenStream::new();
    if let Some(envelope) = envelope_expr(input) {
        calls.extend(quote!(.envelope(#envelope)));
    }
    if a.fixed_envelope.is_some() {
        calls.extend(quote!(.fixed_envelope(true)));
    }
    if let Some(lit) = &a.type_base {
        calls.extend(quote!(.type_base(#lit)));
    }
    if let Some(lit) = &a.pointer_prefix {
        calls.extend(quote!(.pointer_prefix(#lit)));
    }
    if let Some(lit) = &a.domain {
        calls.extend(quote!(.domain(#lit)));
    }
    if a.no_code.is_some() {
        calls.extend(quote!(.redact_code(true)));
    }
    if let Some(style) = a.problem_style.as_ref().and_then(|lit| {
        prop::PROBLEM_STYLES
            .iter()
            .find(|(name, _)| *name == lit.value())
            .map(|(_, variant)| format_ident!("{}", variant))
    }) {
        calls.extend(quote!(.problem_style(#p::ProblemStyle::#style)));
    }
    if calls.is_empty() {
        TokenStream::new()
    } else {
        quote!(#p::Settings::new() #calls)
    }
}

/// What a variant adds to the type's settings, as method calls: its
/// redaction (a 5xx's default code and missing detail are kept from
/// clients), `no_code`, `log`, `kind`, and the explicit JSON:API source of a
/// variant that also names a member.
fn arm_settings(arm: &Arm) -> TokenStream {
    let p = quote!(::errcodes::__private);
    let v = &arm.variant.attrs;
    if arm.transparent_field().is_some() {
        return TokenStream::new();
    }
    let server = arm.status() >= 500;
    let mut calls = TokenStream::new();
    if (server && v.code.is_none()) || v.no_code.is_some() {
        calls.extend(quote!(.redact_code(true)));
    }
    if server && arm.template.is_none() {
        calls.extend(quote!(.redact_detail(true)));
    }
    if let Some(level) = v.log.as_ref().and_then(|lit| {
        prop::LOG_LEVELS
            .iter()
            .find(|(name, _)| *name == lit.value())
            .map(|(_, variant)| format_ident!("{}", variant))
    }) {
        calls.extend(quote!(.log(#p::LogLevel::#level)));
    }
    if let Some(lit) = &v.kind {
        calls.extend(quote!(.kind(#lit)));
    }
    if member(arm).is_some() {
        if let Some(source) = explicit_source(arm) {
            calls.extend(quote!(.jsonapi_source(#source)));
        }
    }
    calls
}

/// `settings`: the type's settings as a constant, each variant's own on
/// top (a constant too), and a transparent variant's inner error's settings
/// under the type's.
fn fn_settings(input: &Input, arms: &[Arm], any_transparent: bool) -> TokenStream {
    let p = quote!(::errcodes::__private);
    let base = type_settings(input);
    let per_arm: Vec<TokenStream> = arms.iter().map(arm_settings).collect();
    if base.is_empty() && !any_transparent && per_arm.iter().all(TokenStream::is_empty) {
        return TokenStream::new();
    }
    let base = if base.is_empty() {
        quote!(#p::Settings::new())
    } else {
        base
    };
    let each = arms.iter().zip(&per_arm).map(|(arm, calls)| {
        if let Some(d) = arm.delegate(|inner| {
            quote!(#p::transparent_settings(__TYPE, ::errcodes::ApiError::settings(#inner)))
        }) {
            return d;
        }
        let pat = arm.any();
        if calls.is_empty() {
            quote!(#pat => __TYPE,)
        } else {
            quote!(#pat => const { __TYPE #calls },)
        }
    });
    let body = match_self(arms, each);
    quote! {
        fn settings(&self) -> #p::Settings<'_> {
            const __TYPE: #p::Settings<'static> = #base;
            #body
        }
    }
}

/// The request member a variant is about, as `(pattern, Some(location))`:
/// its `attr`, or its `#[api(attr)]` field.
fn member(arm: &Arm) -> Option<(TokenStream, TokenStream)> {
    let p = quote!(::errcodes::__private);
    if let Some(lit) = &arm.variant.attrs.attr_name {
        return Some((arm.any(), quote!(#p::Some(#p::Location::Field(#lit)))));
    }
    let field = arm.fields_with(|f| f.attrs.attr_flag.is_some()).next()?;
    let pat = arm.bind([&field.member]);
    let local = fmt::local_at(&field.member, field.ty.span());
    let name = quote_spanned!(field.ty.span()=> ::errcodes::__private::attr_name(#local));
    Some((pat, quote!(#p::Some(#p::Location::Field(#name)))))
}

/// A variant's explicit JSON:API source, `pointer`, `parameter` or `header`,
/// as a `Location` expression.
fn explicit_source(arm: &Arm) -> Option<TokenStream> {
    let p = quote!(::errcodes::__private);
    let v = &arm.variant.attrs;
    [
        (&v.pointer, quote!(Pointer)),
        (&v.parameter, quote!(Parameter)),
        (&v.header, quote!(Header)),
    ]
    .into_iter()
    .find_map(|(lit, kind)| lit.as_ref().map(|lit| quote!(#p::Location::#kind(#lit))))
}

/// `visit_meta` / `visit_headers`: one call per marked field, delegation
/// for transparent variants, nothing for the rest.
fn visit_method(
    arms: &[Arm],
    any_transparent: bool,
    name: &TokenStream,
    visitor: &TokenStream,
    marked: impl Fn(&Field) -> bool + Copy,
    call: impl Fn(&Field, &proc_macro2::Ident) -> TokenStream,
) -> TokenStream {
    if !any_transparent && !arms.iter().any(|a| a.variant.fields.iter().any(marked)) {
        return TokenStream::new();
    }
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) =
            arm.delegate(|inner| quote!(::errcodes::ApiError::#name(#inner, __visitor)))
        {
            return d;
        }
        let fields: Vec<&Field> = arm.fields_with(marked).collect();
        let pat = arm.bind(fields.iter().map(|f| &f.member));
        let calls = fields
            .iter()
            .map(|f| call(f, &fmt::local_at(&f.member, f.ty.span())));
        quote!(#pat => { #(#calls)* })
    });
    let body = if arms.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#each)* })
    };
    quote! {
        fn #name(&self, __visitor: &mut dyn #p::#visitor) {
            #body
        }
    }
}

/// The input's where predicates plus bounds on generic field types for each
/// use the generated code makes of them.
fn where_predicates(input: &Input, arms: &[Arm]) -> Vec<TokenStream> {
    let params: Vec<String> = input
        .generics
        .type_params()
        .map(|t| t.ident.to_string())
        .collect();
    let mut bounds: Vec<TokenStream> = Vec::new();
    let mut add = |ty: &syn::Type, bound: TokenStream| {
        if mentions_param(ty.to_token_stream(), &params) {
            let span = ty.span();
            bounds.push(quote_spanned!(span=> #ty: #bound));
        }
    };
    for arm in arms {
        let field_of = |m: &Member| arm.variant.fields.iter().find(|f| f.member == *m);
        for template in arm.template.iter().chain(arm.instance.iter()) {
            for (member, trait_name) in &template.traits {
                if let Some(field) = field_of(member) {
                    let trait_ident = format_ident!("{}", trait_name);
                    add(field.ty, quote!(::core::fmt::#trait_ident));
                }
            }
        }
        for field in &arm.variant.fields {
            if arm.variant.attrs.transparent.is_some() {
                add(field.ty, quote!(::errcodes::ApiError));
            }
            if field.attrs.meta.is_some() {
                add(field.ty, quote!(::errcodes::__private::MetaField));
            }
            if field.attrs.header.is_some() {
                match header_kind(field.ty) {
                    HeaderKind::List => add(field.ty, quote!(::errcodes::__private::HeaderItems)),
                    HeaderKind::Display => {
                        add(field.ty, quote!(::errcodes::__private::HeaderField))
                    }
                    // Concrete std types: nothing generic to bound.
                    HeaderKind::DeltaSeconds | HeaderKind::HttpDate => {}
                }
            }
            if field.attrs.attr_flag.is_some() {
                add(field.ty, quote!(::errcodes::__private::AttrField));
            }
        }
    }
    if !params.is_empty() && arms.iter().any(uses_display_fallback) {
        let ident = input.ident;
        let (_, ty_generics, _) = input.generics.split_for_impl();
        bounds.push(quote!(#ident #ty_generics: ::core::fmt::Display));
    }
    let existing = input
        .generics
        .where_clause
        .iter()
        .flat_map(|w| &w.predicates);
    existing
        .map(ToTokens::to_token_stream)
        .chain(bounds)
        .collect()
}

fn mentions_param(tokens: TokenStream, params: &[String]) -> bool {
    tokens.into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Ident(ident) => params.iter().any(|p| ident == p),
        proc_macro2::TokenTree::Group(group) => mentions_param(group.stream(), params),
        _ => false,
    })
}
