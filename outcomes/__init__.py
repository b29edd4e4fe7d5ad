"""From deficit to event to result: what platforms did about the deficits they meant to close."""
