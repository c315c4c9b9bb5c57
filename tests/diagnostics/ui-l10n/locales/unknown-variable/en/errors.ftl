order_not_found = No order { $order }.
    .title = Not Found
