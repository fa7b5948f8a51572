"""The tests write nowhere real: not the user's settings, not their pack cache."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from orchexplorer.cache import cache_dir
from orchexplorer.config import config_path
from tests.conftest import REPO, SESSION_DIR, USER_HOME_ENV

# Read when this module is imported, before any fixture has run.
AT_IMPORT = (cache_dir(), config_path())

# A test module as careless as can be: it loads the shipped pack (which writes the pack
# cache) and saves a setting when imported, then again inside a test.
CARELESS = textwrap.dedent(
    """
    import os
    from pathlib import Path

    from orchexplorer.cache import cache_dir
    from orchexplorer.config import config_path, save_setting
    from orchexplorer.loader import load_pack
    from tests.conftest import SESSION_DIR

    load_pack()
    assert save_setting("lang", "ko") is None
    AT_IMPORT = (cache_dir(), config_path())

    def test_import_time_writes_went_to_the_session_directory():
        assert all(path.is_relative_to(SESSION_DIR) for path in AT_IMPORT), AT_IMPORT
        assert any((SESSION_DIR / "cache").rglob("*.pack"))
        assert (SESSION_DIR / "config" / "config.json").is_file()

    def test_writes_in_a_test_go_to_its_own_directories(tmp_path_factory):
        load_pack()
        assert save_setting("lang", "en") is None
        base = tmp_path_factory.getbasetemp()
        assert cache_dir().is_relative_to(base) and config_path().is_relative_to(base)
        assert any(cache_dir().rglob("*.pack")) and config_path().is_file()
    """
)


def test_this_session_reads_and_writes_only_temporary_directories() -> None:
    real_home = USER_HOME_ENV["HOME"]
    for path in (*AT_IMPORT, cache_dir(), config_path()):
        assert real_home is None or not path.is_relative_to(real_home), path
    assert all(path.is_relative_to(SESSION_DIR) for path in AT_IMPORT), AT_IMPORT
    assert Path.home().is_relative_to(SESSION_DIR)


def test_a_careless_test_module_leaves_an_empty_home_empty(tmp_path: Path) -> None:
    # pytest in a child process, for a user whose HOME is empty and who set no XDG_* or
    # ORCHEXPLORER_* variable: the conftest must send every write elsewhere.
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "test_careless.py").write_text(CARELESS, encoding="utf-8")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ORCHEXPLORER_", "XDG_", "PYTEST_", "TEXTUAL_SNAPSHOT"))
    }
    # Only the plugin under test: the others would cost seconds and prove nothing here.
    env.update(HOME=str(home), PYTHONPATH=str(REPO), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
            *("-p", "tests.conftest", "test_careless.py"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
    assert sorted(home.rglob("*")) == []
