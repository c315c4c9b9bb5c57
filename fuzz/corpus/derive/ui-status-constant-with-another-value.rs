enum E {
    #[api(status = s::NOT_FOUND)]
    PathTrick(#[api(source)] Secret),
}
