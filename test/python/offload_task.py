"""A flytekit task whose output is large enough to be offloaded; flytekit wants tasks defined at module level."""
import typing

from flytekit import task

OFFLOADED_LEN = 150_000


@task
def big() -> typing.List[int]:
    return list(range(OFFLOADED_LEN))
