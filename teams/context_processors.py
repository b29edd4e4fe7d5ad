from teams.access import profile_of


def role(request):
    """The signed-in user's role, for the navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_role": None, "user_profile": None}
    profile = profile_of(user)
    if user.is_superuser:
        return {"user_role": "staff", "user_profile": profile, "is_superuser": True}
    return {"user_role": profile.role if profile else None, "user_profile": profile}
