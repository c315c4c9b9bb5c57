enum E {
    #[api(transparent)]
    A(std::io::Error),
}
