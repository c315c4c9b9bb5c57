enum E {
    #[api(status = std::u16::MAX)]
    A,
}
