"""Files, directories, records holding them and offloaded literals, exchanged through a real S3 server (moto).

produce SDK DIR   the SDK uploads a file and a directory, writes their literals, a record holding both and (flytekit)
                  a task's outputs with an offloaded literal, through flytekit's own task entrypoint
consume SDK DIR   the SDK reads the literals flyte-types wrote in DIR and downloads what they point at

The endpoint and credentials come from FLYTE_AWS_ENDPOINT / FLYTE_AWS_ACCESS_KEY_ID / FLYTE_AWS_SECRET_ACCESS_KEY,
which both SDKs read. Results are printed as one JSON object.
"""
import asyncio
import hashlib
import json
import logging
import os
import sys
import tempfile
import typing

logging.disable(logging.WARNING)
os.environ.setdefault("AWS_ACCESS_KEY_ID", os.environ.get("FLYTE_AWS_ACCESS_KEY_ID", ""))
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", os.environ.get("FLYTE_AWS_SECRET_ACCESS_KEY", ""))
os.environ.setdefault("AWS_REGION", "us-east-1")

BUCKET = "interop"


def sha(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def tree(root: str) -> dict:
    out = {}
    for d, _, files in os.walk(root):
        for name in files:
            full = os.path.join(d, name)
            out[os.path.relpath(full, root).replace(os.sep, "/")] = sha(full)
    return out


def record(file_t, dir_t):
    """The pydantic model `Rec(name, f, d)` over an SDK's file and directory classes (our schema's counterpart)."""
    from pydantic import create_model

    return create_model("Rec", name=(str, ...), f=(file_t, ...), d=(dir_t, ...))


def sample(dir_: str, who: str) -> typing.Tuple[str, str]:
    """A file and a directory (with a nested binary file) to upload."""
    f = os.path.join(dir_, "hello.txt")
    with open(f, "w") as out:
        out.write(f"hello from {who}")
    d = os.path.join(dir_, "tree")
    os.makedirs(os.path.join(d, "nested"), exist_ok=True)
    with open(os.path.join(d, "a.txt"), "w") as out:
        out.write("alpha")
    with open(os.path.join(d, "nested", "b.bin"), "wb") as out:
        out.write(hashlib.sha256(who.encode()).digest() * 4096)
    return f, d


# ---------------------------------------------------------------------------------------------------- flytekit


class Flytekit:
    def __init__(self, work: str) -> None:
        from flytekit import FlyteContextManager
        from flytekit.configuration import DataConfig
        from flytekit.core.data_persistence import FileAccessProvider

        self.fa = FileAccessProvider(
            local_sandbox_dir=work, raw_output_prefix=f"s3://{BUCKET}/flytekit-raw", data_config=DataConfig.auto()
        )
        self.ctx = FlyteContextManager.current_context().with_file_access(self.fa).build()

    def types(self):
        from flytekit.types.directory import FlyteDirectory
        from flytekit.types.file import FlyteFile

        return FlyteFile, FlyteDirectory, record(FlyteFile, FlyteDirectory)

    def write(self, v, t) -> bytes:
        from flytekit.core.type_engine import TypeEngine

        lt = TypeEngine.to_literal_type(t)
        return TypeEngine.to_literal(self.ctx, v, t, lt).to_flyte_idl().SerializeToString()

    def read(self, data: bytes, t):
        from flyteidl.core import literals_pb2
        from flytekit.core.type_engine import TypeEngine
        from flytekit.models.literals import Literal

        pb = literals_pb2.Literal()
        pb.ParseFromString(data)
        return TypeEngine.to_python_value(self.ctx, Literal.from_flyte_idl(pb), t)

    def produce(self, out: str) -> dict:
        FlyteFile, FlyteDirectory, Rec = self.types()
        f, d = sample(tempfile.mkdtemp(), "flytekit")
        ff, fd = FlyteFile(f), FlyteDirectory(d)
        blobs = {"file": self.write(ff, FlyteFile), "dir": self.write(fd, FlyteDirectory)}
        # The record holds the already uploaded file and directory, read back from their literals.
        rf, rd = self.read(blobs["file"], FlyteFile), self.read(blobs["dir"], FlyteDirectory)
        blobs["record"] = self.write(Rec(name="rec", f=rf, d=rd), Rec)
        from flytekit.core.type_engine import TypeEngine

        blobs["record_type"] = TypeEngine.to_literal_type(Rec).to_flyte_idl().SerializeToString(deterministic=True)
        for k, b in blobs.items():
            with open(os.path.join(out, f"{k}.pb"), "wb") as o:
                o.write(b)
        return {"file": open(f).read(), "dir": tree(d), "offloaded": self.offload(out)}

    def offload(self, out: str) -> dict:
        """Runs a real task through flytekit's entrypoint with offloading on, and keeps the outputs.pb it wrote."""
        from flytekit.bin.entrypoint import _dispatch_execute
        from offload_task import OFFLOADED_LEN, big
        from flytekit.models.literals import LiteralMap
        from flytekit.utils.pbhash import compute_hash_string

        inputs = os.path.join(tempfile.mkdtemp(), "inputs.pb")
        with open(inputs, "wb") as o:
            o.write(LiteralMap(literals={}).to_flyte_idl().SerializeToString())
        prefix = f"s3://{BUCKET}/flytekit-out"
        os.environ["_F_L_MIN_SIZE_MB"] = "1"
        try:
            _dispatch_execute(self.ctx, lambda: big, inputs, prefix)
        finally:
            del os.environ["_F_L_MIN_SIZE_MB"]
        self.fa.get_data(f"{prefix}/outputs.pb", os.path.join(out, "outputs.pb"))
        inner = os.path.join(tempfile.mkdtemp(), "o0.pb")
        self.fa.get_data(f"{prefix}/o0_offloaded_metadata.pb", inner)
        from flyteidl.core import literals_pb2

        pb = literals_pb2.Literal()
        with open(inner, "rb") as fh:
            pb.ParseFromString(fh.read())
        return {"len": OFFLOADED_LEN, "hash": compute_hash_string(pb)}

    def consume(self, src: str, expect: dict) -> dict:
        FlyteFile, FlyteDirectory, Rec = self.types()
        data = lambda k: open(os.path.join(src, f"{k}.pb"), "rb").read()  # noqa: E731
        f = self.read(data("file"), FlyteFile)
        d = self.read(data("dir"), FlyteDirectory)
        r = self.read(data("record"), Rec)
        return {
            "file": open(f.download()).read(),
            "dir": tree(d.download()),
            "record": [r.name, open(r.f.download()).read(), tree(r.d.download())],
            "offloaded": self.consume_offloaded(src),
        }

    def consume_offloaded(self, src: str) -> dict:
        from flyteidl.core import literals_pb2
        from flytekit.core.type_engine import TypeEngine
        from flytekit.models.literals import Literal, LiteralMap
        from flytekit.utils.pbhash import compute_hash_string

        pb = literals_pb2.LiteralMap()
        pb.ParseFromString(open(os.path.join(src, "outputs.pb"), "rb").read())
        o0 = LiteralMap.from_flyte_idl(pb).literals["o0"]
        values = TypeEngine.to_python_value(self.ctx, o0, typing.List[int])
        inner = os.path.join(tempfile.mkdtemp(), "o0.pb")
        self.fa.get_data(o0.offloaded_metadata.uri, inner)
        ipb = literals_pb2.Literal()
        ipb.ParseFromString(open(inner, "rb").read())
        return {"len": len(values), "sum": sum(values), "hash": compute_hash_string(ipb), "their_hash": o0.hash}


# ---------------------------------------------------------------------------------------------------- Flyte 2


class Flyte2:
    def __init__(self, work: str) -> None:
        import flyte
        from flyte.storage import S3

        asyncio.run(flyte.init.aio(storage=S3.auto()))

    def types(self):
        from flyte.io import Dir, File

        return File, Dir, record(File, Dir)

    def write(self, v, t) -> bytes:
        from flyte.types import TypeEngine

        lt = TypeEngine.to_literal_type(t)
        return asyncio.run(TypeEngine.to_literal(v, t, lt)).SerializeToString()

    def read(self, data: bytes, t):
        from flyte.types import TypeEngine
        from flyteidl2.core import literals_pb2

        pb = literals_pb2.Literal()
        pb.ParseFromString(data)
        return asyncio.run(TypeEngine.to_python_value(pb, t))

    def produce(self, out: str) -> dict:
        File, Dir, Rec = self.types()
        f, d = sample(tempfile.mkdtemp(), "flyte2")
        ff = asyncio.run(File.from_local(f, f"s3://{BUCKET}/flyte2-raw/file/hello.txt"))
        fd = asyncio.run(Dir.from_local(d, f"s3://{BUCKET}/flyte2-raw/dir"))
        blobs = {"file": self.write(ff, File), "dir": self.write(fd, Dir), "record": self.write(Rec(name="rec", f=ff, d=fd), Rec)}
        for k, b in blobs.items():
            with open(os.path.join(out, f"{k}.pb"), "wb") as o:
                o.write(b)
        return {"file": open(f).read(), "dir": tree(d)}

    def download_file(self, f) -> str:
        return open(asyncio.run(f.download(os.path.join(tempfile.mkdtemp(), "f")))).read()

    def download_dir(self, d) -> dict:
        return tree(asyncio.run(d.download(tempfile.mkdtemp())))

    def consume(self, src: str, expect: dict) -> dict:
        File, Dir, Rec = self.types()
        data = lambda k: open(os.path.join(src, f"{k}.pb"), "rb").read()  # noqa: E731
        f, d, r = self.read(data("file"), File), self.read(data("dir"), Dir), self.read(data("record"), Rec)
        return {
            "file": self.download_file(f),
            "dir": self.download_dir(d),
            "record": [r.name, self.download_file(r.f), self.download_dir(r.d)],
            "offloaded": self.consume_offloaded(src),
        }

    def consume_offloaded(self, src: str) -> dict:
        from flyte.types import TypeEngine
        from flyteidl2.core import literals_pb2

        pb = literals_pb2.LiteralMap()
        pb.ParseFromString(open(os.path.join(src, "outputs.pb"), "rb").read())
        values = asyncio.run(TypeEngine.to_python_value(pb.literals["o0"], typing.List[int]))
        return {"len": len(values), "sum": sum(values)}


def main() -> None:
    cmd, sdk, dir_ = sys.argv[1:4]
    work = tempfile.mkdtemp()
    impl = {"flytekit": Flytekit, "flyte2": Flyte2}[sdk](work)
    os.makedirs(dir_, exist_ok=True)
    if cmd == "produce":
        result = impl.produce(dir_)
    else:
        result = impl.consume(dir_, json.load(open(os.path.join(dir_, "manifest.json"))))
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: Flyte 2's background loops log noise while shutting down


if __name__ == "__main__":
    main()
