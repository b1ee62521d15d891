"""The window's inference worker on a fake device provider: every live frame and every dropped file
gets its own answer (equal to a one-shot CPU answer), not the first picture's."""

from __future__ import annotations

import time

import numpy as np
import pytest

from desktop_app.core.classifier import Classifier
from desktop_app.core.decode import decode_file
from desktop_app.core.frames import Frame
from desktop_app.core.jobs import ModelRequest
from desktop_app.core.picture_jobs import PictureEntry, RankPictures
from desktop_app.core.preprocessing import PreprocessOverrides
from desktop_app.core.providers import ProviderChoice
from desktop_app.gui.worker import InferenceService
from tests.fake_device import ALL_PROVIDERS, assert_same_answer, fake_factory, one_shot_answer
from tests.gui.helpers import settled


@pytest.fixture
def device_service(qtbot):
    service = InferenceService(engine_options={"session_factory": fake_factory(), "available": ALL_PROVIDERS})
    yield service
    assert service.shutdown()


@pytest.mark.parametrize("kind", ["cuda", "directml"])
def test_live_frames_and_files_each_get_their_own_answer(kind, device_service, qtbot, photos):
    service = device_service
    request = ModelRequest(1, None, None, PreprocessOverrides(), ProviderChoice(kind), 5)
    with settled(qtbot, service.worker.model_loaded, 30_000) as loaded:
        service.load(request)
    assert loaded.args[0].provider == kind and not loaded.args[0].fallback
    # Live frames are fitted where they are submitted (the capture thread), for the loaded model.
    assert service.worker.fitter.config == loaded.args[0].description.preprocessing
    cpu = Classifier.load(choice=ProviderChoice("cpu"))
    pictures = [decode_file(path) for path in photos.values()]
    for number, picture in enumerate([*pictures, *pictures], start=1):  # live: one frame after another
        frame = Frame.of(number, np.ascontiguousarray(picture[:, :, ::-1]), time.perf_counter())
        with settled(qtbot, service.worker.prediction_ready, 10_000) as shown:
            service.submit(frame)
        result = shown.args[0]
        assert result.frame_number == number and result.classification.provider == kind
        assert_same_answer(result.classification.top, one_shot_answer(cpu, frame.image, "bgr"))
    received = []
    service.worker.job_progress.connect(lambda _job, result: received.append(result))
    with settled(qtbot, service.worker.job_finished, 10_000):
        service.run_job(RankPictures([PictureEntry(i, str(p)) for i, p in enumerate(photos.values())]))
    qtbot.waitUntil(lambda: len(received) == 3)
    for result in received:  # each picture as kept (display-sized) is what is ranked
        assert result.classification.provider == kind
        assert_same_answer(result.classification.top, one_shot_answer(cpu, result.image))
