order_not_found = No order { $id }.
    .title = Order { $id }
