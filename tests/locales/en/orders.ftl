order_not_found = No order { $id } exists.
    .title = Not Found
items_left = { $count ->
        [one] Only one item is left.
       *[other] Only { $count } items are left.
    }
    .title = Conflict
throttled = Slow down.
    .title = Too Many Requests
