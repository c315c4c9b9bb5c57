//! The borrowed model of the derive input: the type, its variants and their
//! fields, each with its parsed attributes and its original syn node (for
//! spans).

use syn::{DeriveInput, Ident, Member, Type};

use crate::attr::Attrs;
use crate::ctxt::Ctxt;
use crate::fmt::{self, Template};
use crate::symbol::Place;

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a syn::Generics,
    pub attrs: Attrs,
    /// An enum's variants, or the one pseudo-variant of a struct.
    pub variants: Vec<Variant<'a>>,
    /// A struct: its attributes serve as both the type's and the variant's.
    pub is_struct: bool,
    /// thiserror's `#[error(...)]` stands on the type or a variant, so the
    /// type has a `Display` (the actix integration then implements
    /// `ResponseError` for it).
    pub has_error_attr: bool,
}

pub struct Variant<'a> {
    /// `None` for a struct.
    pub ident: Option<&'a Ident>,
    /// The node errors about the whole variant point at.
    pub span_node: &'a dyn quote::ToTokens,
    pub attrs: Attrs,
    pub fields: Vec<Field<'a>>,
    /// The `detail` template, parsed against the fields.
    pub detail: Option<Template>,
    /// The `instance` template, parsed against the fields.
    pub instance: Option<Template>,
}

pub struct Field<'a> {
    pub original: &'a syn::Field,
    pub member: Member,
    pub ty: &'a Type,
    pub attrs: Attrs,
}

impl Field<'_> {
    /// The name of the meta member this field writes: its `meta = "..."`,
    /// else its own name.
    pub fn meta_name(&self) -> String {
        match &self.attrs.meta {
            Some((_, Some(lit))) => lit.value(),
            _ => member_name(&self.member),
        }
    }
}

impl<'a> Input<'a> {
    /// Builds the model, or `None` (reported) for a union.
    pub fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Option<Input<'a>> {
        let (variants, attrs, is_struct) = match &node.data {
            syn::Data::Enum(data) => {
                // The type's attributes first, so errors come in source order.
                let attrs = Attrs::parse(cx, &node.attrs, &[Place::Type]);
                let variants = data
                    .variants
                    .iter()
                    .map(|v| Variant {
                        ident: Some(&v.ident),
                        span_node: &v.ident,
                        attrs: Attrs::parse(cx, &v.attrs, &[Place::Variant]),
                        fields: fields_from_syn(cx, &v.fields),
                        detail: None,
                        instance: None,
                    })
                    .collect();
                (variants, attrs, false)
            }
            syn::Data::Struct(data) => {
                // One parse, so each key is reported once; then the type's
                // keys stay with the type and the rest go to the variant.
                let mut variant_attrs =
                    Attrs::parse(cx, &node.attrs, &[Place::Type, Place::Variant]);
                let attrs = Attrs {
                    envelope: variant_attrs.envelope.take(),
                    type_base: variant_attrs.type_base.take(),
                    domain: variant_attrs.domain.take(),
                    pointer_prefix: variant_attrs.pointer_prefix.take(),
                    fixed_envelope: variant_attrs.fixed_envelope.take(),
                    open_codes: variant_attrs.open_codes.take(),
                    problem_style: variant_attrs.problem_style.take(),
                    locales: variant_attrs.locales.take(),
                    fallback_locale: variant_attrs.fallback_locale.take(),
                    partial_locales: variant_attrs.partial_locales.take(),
                    had_errors: variant_attrs.had_errors,
                    ..Attrs::default()
                };
                let variant = Variant {
                    ident: None,
                    span_node: &node.ident,
                    attrs: variant_attrs,
                    fields: fields_from_syn(cx, &data.fields),
                    detail: None,
                    instance: None,
                };
                (vec![variant], attrs, true)
            }
            syn::Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "ApiError cannot be derived for a union; use an enum or a struct",
                );
                return None;
            }
        };
        let has_error_attr = has_error_attr(node);
        let mut variants = variants;
        for variant in &mut variants {
            variant.parse_templates(cx, &node.ident);
        }
        Some(Input {
            ident: &node.ident,
            generics: &node.generics,
            attrs,
            variants,
            is_struct,
            has_error_attr,
        })
    }
}

impl Variant<'_> {
    /// Parses the `detail` and `instance` templates against the fields (a
    /// `transparent` variant has none: its inner error speaks).
    fn parse_templates(&mut self, cx: &Ctxt, type_ident: &Ident) {
        if self.attrs.transparent.is_some() {
            return;
        }
        let name = self
            .ident
            .unwrap_or(type_ident)
            .to_string()
            .trim_start_matches("r#")
            .to_owned();
        let slots: Vec<fmt::Slot> = self
            .fields
            .iter()
            .map(|f| fmt::Slot {
                member: f.member.clone(),
                source: f.attrs.is_source(),
            })
            .collect();
        let parse = |lit: &Option<syn::LitStr>| {
            lit.as_ref()
                .and_then(|lit| fmt::parse(cx, lit, &slots, &name))
        };
        self.detail = parse(&self.attrs.detail);
        self.instance = parse(&self.attrs.instance);
    }
}

fn fields_from_syn<'a>(cx: &Ctxt, fields: &'a syn::Fields) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(i, field)| Field {
            original: field,
            member: match &field.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(syn::Index {
                    index: u32::try_from(i).unwrap_or(u32::MAX),
                    span: syn::spanned::Spanned::span(&field.ty),
                }),
            },
            ty: &field.ty,
            attrs: Attrs::parse(cx, &field.attrs, &[Place::Field]),
        })
        .collect()
}

// A field's name as the user wrote it (`r#` removed), or its index: the
// templates' own reading, where the rest of the model finds it too.
pub use crate::fmt::member_name;

/// Whether the type or a variant has thiserror's `#[error(...)]`, hence a
/// `Display` the framework impls may use.
pub fn has_error_attr(node: &syn::DeriveInput) -> bool {
    let is_error = |attrs: &[syn::Attribute]| attrs.iter().any(|a| a.path().is_ident("error"));
    is_error(&node.attrs)
        || match &node.data {
            syn::Data::Enum(data) => data.variants.iter().any(|v| is_error(&v.attrs)),
            _ => false,
        }
}
