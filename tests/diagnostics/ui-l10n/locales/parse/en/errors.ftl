order_not_found = No order { $id }.
    .title = Not Found
broken = { $id
