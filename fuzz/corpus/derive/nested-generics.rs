#[api(status = 404)]
enum E<'a, T: Clone, const N: usize> where T: Default { #[api(detail = "{0} {1:?}")] A(&'a str, [T; N]), #[api(transparent)] B(Box<E<'a, T, N>>) }
