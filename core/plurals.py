def ru_plural(count: int, one: str, few: str, many: str) -> str:
    """Russian noun form for a count: 1 школа, 2 школы, 5 школ, 21 школа, 11 школ."""
    count = abs(int(count))
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many
