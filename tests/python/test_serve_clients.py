"""`mlc serve` spoken to by the clients users have, from PyPI, unchanged: `tritonclient.http`
(binary tensors, its default, and JSON), `boto3`'s SageMaker runtime client, and `requests`.
Every answer is compared bit for bit (float32) with `mlc predict` on the same rows; every
client sees the server's message for an unknown model.

Fixtures (the models, the expectations, the servers on 127.0.0.1): conftest.py.
"""

import json

import boto3
import botocore.config
import numpy as np
import pytest
import requests
import tritonclient.http as triton
from tritonclient.utils import InferenceServerException

from conftest import TIMEOUT, assert_bits, floats


def triton_client(server):
    return triton.InferenceServerClient(server.address, connection_timeout=TIMEOUT, network_timeout=TIMEOUT)


def sagemaker(server):
    """boto3's SageMaker runtime client, pointed at the server (the signature is ignored)."""
    config = botocore.config.Config(connect_timeout=TIMEOUT, read_timeout=TIMEOUT, retries={"total_max_attempts": 1})
    return boto3.client(
        "sagemaker-runtime",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id="x",
        aws_secret_access_key="x",
        config=config,
    )


# ---------------------------------------------------------------------------------------------
# tritonclient (Open Inference Protocol v2)


@pytest.mark.parametrize("binary", [True, False], ids=["binary", "json"])
def test_tritonclient_every_churn_state(churn_server, churn, binary):
    client = triton_client(churn_server)
    assert client.is_server_live() and client.is_server_ready()
    for state, (_, x, want) in churn.items():
        features = triton.InferInput("features", list(x.shape), "FP32")
        features.set_data_from_numpy(x, binary_data=binary)
        # Binary: the client's defaults (no outputs named: all of them in binary). JSON: named.
        outputs = None if binary else [triton.InferRequestedOutput("predictions", binary_data=False)]
        result = client.infer(state, [features], outputs=outputs, request_id=state)
        assert result.get_response()["id"] == state
        assert result.as_numpy("predictions").shape == (len(want), 1)
        assert_bits(result.as_numpy("predictions"), want, f"{state}: tritonclient, binary={binary}")
    meta = client.get_model_metadata("AK")
    assert meta["inputs"] == [{"name": "features", "datatype": "FP32", "shape": [-1, 18]}]
    assert client.is_model_ready("AK")
    client.close()


@pytest.mark.parametrize("binary", [True, False], ids=["binary", "json"])
def test_tritonclient_sentiment_from_text_and_ids(imdb_server, sentiment, binary):
    reviews, ids, want = sentiment
    client = triton_client(imdb_server)
    text = triton.InferInput("text", [len(reviews)], "BYTES")
    text.set_data_from_numpy(np.array(reviews, dtype=np.object_), binary_data=binary)
    outputs = [triton.InferRequestedOutput("predictions", binary_data=binary)]
    assert_bits(client.infer("imdb", [text], outputs=outputs).as_numpy("predictions"), want, f"BYTES, binary={binary}")
    for dtype, name in [(np.int32, "INT32"), (np.int64, "INT64")]:
        tokens = triton.InferInput("input_ids", list(ids.shape), name)
        tokens.set_data_from_numpy(ids.astype(dtype), binary_data=binary)
        result = client.infer("imdb", [tokens], outputs=outputs)
        assert_bits(result.as_numpy("predictions"), want, f"{name}, binary={binary}")
    client.close()


def test_tritonclient_sees_the_servers_message(churn_server, churn):
    client = triton_client(churn_server)
    _, x, _ = churn["AK"]
    features = triton.InferInput("features", [1, 18], "FP32")
    features.set_data_from_numpy(x[:1])
    with pytest.raises(InferenceServerException) as error:
        client.infer("ZZ", [features])
    assert "unknown model `ZZ`" in error.value.message()
    # A wrong shape: the message says what the model takes.
    wrong = triton.InferInput("features", [1, 17], "FP32")
    wrong.set_data_from_numpy(x[:1, :17])
    with pytest.raises(InferenceServerException) as error:
        client.infer("AK", [wrong])
    assert "shape [1, 17]: the model takes [-1, 18]" in error.value.message()
    client.close()


# ---------------------------------------------------------------------------------------------
# boto3 (SageMaker runtime: invoke_endpoint)


def test_boto3_invoke_endpoint_every_churn_state(churn_server, churn):
    runtime = sagemaker(churn_server)
    for state, (csv, _, want) in churn.items():
        answer = runtime.invoke_endpoint(EndpointName="churn", TargetModel=state, ContentType="text/csv", Body=csv.encode())
        assert answer["ContentType"] == "text/csv"
        assert_bits(floats(answer["Body"].read().decode()), want, f"{state}: boto3 invoke_endpoint")
    # Accept chooses the answer's format.
    csv, _, want = churn["NY"]
    answer = runtime.invoke_endpoint(
        EndpointName="churn", TargetModel="NY", ContentType="text/csv", Accept="application/json", Body=csv.encode()
    )
    assert_bits(json.loads(answer["Body"].read())["predictions"], want, "boto3, Accept: application/json")


def test_boto3_sees_the_servers_message(churn_server, churn):
    runtime = sagemaker(churn_server)
    csv, _, _ = churn["AK"]
    with pytest.raises(runtime.exceptions.ModelError) as error:
        runtime.invoke_endpoint(EndpointName="churn", TargetModel="ZZ", ContentType="text/csv", Body=csv.encode())
    response = error.value.response
    assert response["OriginalStatusCode"] == 404
    assert "unknown model `ZZ`" in response["OriginalMessage"]
    assert "unknown model `ZZ`" in str(error.value)
    with pytest.raises(runtime.exceptions.ModelError) as error:
        runtime.invoke_endpoint(EndpointName="churn", TargetModel="AK", ContentType="text/csv", Body=b"1,2,abc\n")
    assert error.value.response["OriginalStatusCode"] == 400
    assert "line 1: " in error.value.response["OriginalMessage"]


# ---------------------------------------------------------------------------------------------
# requests: CSV and JSON Lines bodies, Accept variants


def post(server, path, body, content_type, accept=None, model=None):
    headers = {"Content-Type": content_type}
    if accept:
        headers["Accept"] = accept
    if model:
        headers["X-Amzn-SageMaker-Target-Model"] = model
    return requests.post(server.url + path, data=body, headers=headers, timeout=TIMEOUT)


def answers(response):
    """The values of a CSV, JSON Lines or JSON answer, by its Content-Type."""
    assert response.status_code == 200, response.text
    kind = response.headers["Content-Type"]
    if kind == "application/json":
        return np.array(response.json()["predictions"], dtype=np.float32)
    if kind == "application/jsonlines":
        return np.array([json.loads(line) for line in response.text.splitlines()], dtype=np.float32)
    assert kind == "text/csv", kind
    return floats(response.text)


@pytest.mark.parametrize(
    "accept, kind",
    [
        (None, "text/csv"),
        ("text/csv", "text/csv"),
        ("application/jsonlines", "application/jsonlines"),
        ("application/json", "application/json"),
        ("application/json;q=0.5, text/csv", "text/csv"),
        ("*/*", "text/csv"),
    ],
)
def test_requests_csv_with_accept(churn_server, churn, accept, kind):
    for state in ["AK", "CA", "NY", "WY"]:
        csv, _, want = churn[state]
        for path in ["/invocations", f"/models/{state}/invoke"]:
            response = post(churn_server, path, csv, "text/csv", accept, model=state if path == "/invocations" else None)
            assert response.headers["Content-Type"] == kind
            assert_bits(answers(response), want, f"{state}: {path}, Accept {accept}")
            model_us = float(response.headers["mlc-model-latency-us"])
            assert 0 < model_us <= float(response.headers["mlc-overhead-latency-us"]) + model_us


@pytest.mark.parametrize("accept", [None, "application/jsonlines", "application/json", "text/csv"])
def test_requests_json_lines_routed_by_model(churn_server, churn, accept):
    # Every held-out row in one request, each record naming its state's model.
    lines, want = [], []
    for state, (csv, _, expected) in churn.items():
        for row in csv.splitlines():
            values = [float(v) if v else None for v in row.split(",")]
            lines.append(json.dumps({"model": state, "features": values}))
        want.extend(expected)
    response = post(churn_server, "/invocations", "\n".join(lines) + "\n", "application/jsonlines", accept)
    assert_bits(answers(response), want, f"JSON Lines, Accept {accept}")


def test_requests_text_and_errors(imdb_server, churn_server, sentiment, churn):
    reviews, _, want = sentiment
    response = post(imdb_server, "/invocations", b"".join(r + b"\n" for r in reviews), "text/plain", "application/json")
    assert_bits(answers(response), want, "text/plain reviews")
    csv, _, _ = churn["AK"]
    response = post(churn_server, "/invocations", csv, "text/csv", model="ZZ")
    assert (response.status_code, response.json()) == (404, {"error": "line 1: unknown model `ZZ`"})
    response = post(churn_server, "/invocations", csv, "text/csv", accept="image/png", model="AK")
    assert response.status_code == 406 and "image/png" in response.json()["error"]
