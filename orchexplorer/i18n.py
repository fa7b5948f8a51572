"""The program's own strings, in Korean and English: labels, messages and errors.

Content text lives in the pack (`LocalizedText`); the languages and how one is chosen are in
`orchexplorer.lang`. Read by the loader's messages, the command line and the app, never by
the model. No heavy imports: the command line prints these without building the model.
"""

from __future__ import annotations

from orchexplorer.lang import LANGS, Lang

__all__ = ["LANGS", "STRINGS", "Lang", "t"]

# key -> (ko, en). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = {
    # loader errors
    "err_no_pack": ("콘텐츠 팩 디렉터리가 없습니다", "content pack directory does not exist"),
    "err_not_dir": ("콘텐츠 팩은 디렉터리여야 합니다", "a content pack must be a directory"),
    "err_empty_pack": (
        "*.yaml / *.yml 파일이 하나도 없습니다",
        "no *.yaml or *.yml files in the pack",
    ),
    "err_no_tools": (
        "팩에 도구가 하나도 없습니다 (tools: 목록이 필요합니다)",
        "the pack defines no tools (it needs a tools: list)",
    ),
    "err_too_many": ("파일이 너무 많습니다 (최대 {limit}개)", "too many files (limit {limit})"),
    "err_too_big": (
        "파일이 너무 큽니다 (최대 {limit} 바이트)",
        "file is too large (limit {limit} bytes)",
    ),
    "err_unreadable": ("파일을 읽을 수 없습니다: {reason}", "cannot read file: {reason}"),
    "err_utf8": ("UTF-8 텍스트가 아닙니다", "not valid UTF-8 text"),
    "err_yaml_syntax": ("YAML 문법 오류: {problem}", "YAML syntax error: {problem}"),
    "err_yaml_char": (
        "YAML에서 허용되지 않는 문자 {char}",
        "character {char} is not allowed in YAML",
    ),
    "err_yaml_tag": (
        "허용되지 않는 태그 {tag}: 표준 YAML 태그만 읽으며 아무것도 실행하지 않습니다",
        "tag {tag} is not allowed: only standard YAML tags are read, nothing is executed",
    ),
    "err_yaml_value": ("값을 해석할 수 없습니다: {value}", "cannot read value: {value}"),
    "err_yaml_duplicate_key": (
        "키 '{key}'가 중복되었습니다 (처음 나온 줄: {first})",
        "duplicate key '{key}' (first at line {first})",
    ),
    "err_yaml_complex_key": (
        "매핑 키는 문자열이어야 합니다",
        "a mapping key must be a plain value",
    ),
    "err_yaml_merge_key": (
        "병합 키(<<)는 지원하지 않습니다",
        "merge keys (<<) are not supported",
    ),
    "err_yaml_merge_value": (
        "병합 키(<<)의 값은 매핑이나 매핑의 목록이어야 합니다",
        "a merge key (<<) takes a mapping or a list of mappings",
    ),
    "err_not_file": (
        "일반 파일이 아닙니다 (디렉터리나 장치)",
        "not a regular file (a directory or a device)",
    ),
    "err_yaml_multi_doc": (
        "파일 하나에 YAML 문서는 하나만 둘 수 있습니다",
        "only one YAML document per file",
    ),
    "err_yaml_depth": (
        "중첩이 너무 깊습니다 (최대 {limit}단계)",
        "nesting is too deep (limit {limit} levels)",
    ),
    "err_yaml_alias": ("정의되지 않은 앵커: {anchor}", "unknown anchor: {anchor}"),
    "err_yaml_alias_bomb": (
        "별칭(alias) 확장이 너무 큽니다 (최대 {limit}개 노드): 별칭 폭탄으로 보고 거부합니다",
        "alias expansion is too large (limit {limit} nodes): refused as an alias bomb",
    ),
    "err_top_mapping": (
        "파일의 최상위는 매핑이어야 합니다 (tools:, dimensions: …)",
        "the top level of a file must be a mapping (tools:, dimensions: …)",
    ),
    "err_top_key": (
        "알 수 없는 최상위 키 '{key}' (가능한 키: {allowed})",
        "unknown top-level key '{key}' (allowed: {allowed})",
    ),
    "err_top_list": ("'{key}'는 목록이어야 합니다", "'{key}' must be a list"),
    "err_duplicate_id": (
        "id '{value}'가 중복되었습니다 (처음 정의: {first})",
        "duplicate id '{value}' (first defined at {first})",
    ),
    "err_unknown_tool": ("알 수 없는 도구 id '{value}'", "unknown tool id '{value}'"),
    "err_unknown_dimension": (
        "알 수 없는 비교 항목 id '{value}'",
        "unknown dimension id '{value}'",
    ),
    "err_self_relation": (
        "관계가 자기 자신을 가리킵니다: '{value}'",
        "a relation points to its own tool: '{value}'",
    ),
    "err_self_implements": (
        "도구가 자기 자신을 구현한다고 적혀 있습니다: '{value}'",
        "a tool implements itself: '{value}'",
    ),
    "err_implements_chain": (
        "'{value}'도 다른 도구를 구현합니다: implements는 다른 도구를 구현하지 않는 도구를 "
        "가리켜야 합니다 (한 단계만)",
        "'{value}' implements another tool itself: 'implements' names a tool that implements "
        "none (one step only)",
    ),
    # pydantic error types (err_v_<type>)
    "err_v_missing": ("필수 항목 '{field}'가 없습니다", "missing required field '{field}'"),
    "err_v_extra_forbidden": ("알 수 없는 항목 '{field}'", "unknown field '{field}'"),
    "err_v_string_type": ("'{field}'는 문자열이어야 합니다", "'{field}' must be a string"),
    "err_v_list_type": ("'{field}'는 목록이어야 합니다", "'{field}' must be a list"),
    "err_v_dict_type": ("'{field}'는 매핑이어야 합니다", "'{field}' must be a mapping"),
    "err_v_model_type": ("'{field}'는 매핑이어야 합니다", "'{field}' must be a mapping"),
    "err_v_int_type": ("'{field}'는 정수여야 합니다", "'{field}' must be an integer"),
    "err_v_int_parsing": ("'{field}'는 정수여야 합니다", "'{field}' must be an integer"),
    "err_v_date_type": (
        "'{field}'는 날짜(YYYY-MM-DD)여야 합니다",
        "'{field}' must be a date (YYYY-MM-DD)",
    ),
    "err_v_date_from_datetime_parsing": (
        "'{field}'는 날짜(YYYY-MM-DD)여야 합니다",
        "'{field}' must be a date (YYYY-MM-DD)",
    ),
    "err_v_literal_error": (
        "'{field}'의 값은 {expected} 중 하나여야 합니다",
        "'{field}' must be one of {expected}",
    ),
    "err_v_string_pattern_mismatch": (
        "'{field}'의 형식이 올바르지 않습니다 (형식: {pattern})",
        "'{field}' has the wrong form (expected {pattern})",
    ),
    "err_v_too_short": (
        "'{field}'에 항목이 너무 적습니다 (최소 {min_length}개)",
        "'{field}' has too few items (at least {min_length})",
    ),
    "err_v_value_error": ("'{field}': {error}", "'{field}': {error}"),
    # command line
    "cli_compare_max": (
        "앱은 도구를 한 번에 {max}개까지 나란히 비교합니다 ({count}개를 받음). {max}개 이하로 "
        "고르거나, 모두를 표로 보려면: orchexplorer compare {tools}",
        "the app compares at most {max} tools side by side (got {count}). Choose {max} or "
        "fewer, or print all of them as a table: orchexplorer compare {tools}",
    ),
    "cmp_no_tools": (
        "비교할 도구를 두 개 이상 적으세요 (id, 별칭 또는 이름). 이 팩의 도구: {known}. "
        "예: orchexplorer compare {example}",
        "name two or more tools to compare (ids, aliases or names). The tools of this pack: "
        "{known}. For example: orchexplorer compare {example}",
    ),
    "cli_unknown_tool": (
        "알 수 없는 도구 '{value}'. 가능한 도구: {known}",
        "unknown tool '{value}'. Known tools: {known}",
    ),
    "cli_unknown_scope": (
        "검색 범위에 알 수 없는 도구가 있습니다: {value}. 가능한 도구: {known}",
        "the search scope names no known tool: {value}. Known tools: {known}",
    ),
    "search_scope": ("범위: {tools}", "In: {tools}"),
    "search_scope_unknown": (
        "'{value}'는 도구가 아닙니다. 범위에 쓸 수 있는 도구: {known}",
        "'{value}' is not a tool. Tools for a scope: {known}",
    ),
    "cli_unknown_example": (
        "'{tool}'에 예제 '{value}'가 없습니다. 가능한 예제: {known}",
        "tool '{tool}' has no example '{value}'. Examples: {known}",
    ),
    "cli_valid": ("콘텐츠 팩이 올바릅니다: {summary}", "content pack is valid: {summary}"),
    # validate --stale
    "validate_bad_days": (
        "--stale 에는 0 이상의 정수(일 수)를 주세요: '{value}'",
        "--stale needs a whole number of days, 0 or more: '{value}'",
    ),
    "validate_none_stale": (
        "{days}일보다 오래된 사실 확인이 없습니다 "
        "(사실 확인 {count}개, 가장 오래된 확인일 {oldest})",
        "no fact-check is older than {days} days ({count} fact-checks, oldest checked {oldest})",
    ),
    "validate_no_notes": ("사실 확인이 없습니다", "the pack has no fact-checks"),
    "validate_stale_line": (
        "{checked}  ({age}일 전)  {where}  {source}",
        "{checked}  ({age} days ago)  {where}  {source}",
    ),
    "validate_stale_count": (
        "{days}일보다 오래된 사실 확인 {count}개: "
        "공식 문서로 다시 확인하고 'checked' 날짜를 고치세요",
        "{count} fact-check(s) older than {days} days: check them against their sources again "
        "and update 'checked'",
    ),
    "cli_errors": ("오류 {count}개", "{count} error(s)"),
    "cli_not_tty": (
        "터미널이 아니므로 화면을 열 수 없습니다. 하위 명령을 사용하세요: {commands}",
        "not a terminal, so the app cannot open. Use a subcommand: {commands}",
    ),
    "serve_missing_extra": (
        "웹 브라우저로 열려면 web 추가 기능이 필요합니다: pip install 'orchexplorer[web]' "
        "(저장소에서: pip install '.[web]')",
        "serving to a browser needs the web extra: pip install 'orchexplorer[web]' "
        "(from a checkout: pip install '.[web]')",
    ),
    "serve_bad_port": (
        "포트 {value}은(는) 쓸 수 없습니다 (1–65535)",
        "port {value} cannot be used (1–65535)",
    ),
    "serve_needs_public": (
        "{host}은(는) 이 컴퓨터 밖에서도 접속할 수 있는 주소입니다. 그 포트에 닿는 누구나 탐색기를 "
        "쓸 수 있으므로 --public 을 함께 주어야 합니다",
        "{host} can be reached from other machines, and anyone who reaches the port can use "
        "the explorer: add --public to allow it",
    ),
    "serve_cannot_listen": (
        "{host}:{port}에서 기다릴 수 없습니다: {reason}",
        "cannot listen on {host}:{port}: {reason}",
    ),
    "serve_listening": (
        "브라우저에서 여세요: {url}  (끝내려면 Ctrl+C)",
        "open in a browser: {url}  (Ctrl+C to stop)",
    ),
    "serve_exposed": (
        "주의: 이 주소는 다른 컴퓨터에서도 접속할 수 있습니다",
        "note: this address can be reached from other machines",
    ),
    "cli_bad_lang": (
        "알 수 없는 언어 '{value}' (ko 또는 en)",
        "unknown language '{value}' (ko or en)",
    ),
    # section headings shared by the command line and the app
    "sec_overview": ("개요", "Overview"),
    "sec_features": ("기능", "Features"),
    "sec_use_cases": ("사용 사례", "Use cases"),
    "sec_components": ("구성 요소", "Components"),
    "sec_examples": ("예제", "Examples"),
    "sec_relations": ("관계", "Relations"),
    "sec_notes": ("사실 확인", "Fact-checks"),
    "sec_links": ("공식 문서", "Official documentation"),
    "sec_conclusions": ("결론", "Conclusions"),
    "note_claim": ("원문", "Source says"),
    "note_checked": ("확인일", "checked"),
    "note_status_dated": ("오래된 정보", "dated"),
    "note_status_wrong": ("틀린 정보", "wrong"),
    "note_status_clarification": ("보충 설명", "clarification"),
    "count_tools": ("도구", "tools"),
    "count_features": ("기능", "features"),
    "count_use_cases": ("사용 사례", "use cases"),
    "count_examples": ("예제", "examples"),
    "count_notes": ("사실 확인", "notes"),
    "count_dimensions": ("비교 항목", "dimensions"),
    "count_comparisons": ("비교표", "comparisons"),
    "count_relations": ("관계", "relations"),
    "count_concepts": ("개념", "concepts"),
    "count_conclusions": ("결론", "conclusions"),
    # the app
    "lang_name": ("한국어", "English"),
    "key_quit": ("종료", "Quit"),
    "key_help": ("도움말", "Help"),
    "key_lang": ("English", "한국어"),
    "key_search": ("검색", "Search"),
    "key_compare": ("비교", "Compare"),
    "key_guide": ("선택 가이드", "Guide"),
    "key_copy": ("예제 복사", "Copy example"),
    "key_open": ("공식 문서", "Open docs"),
    "key_tab_overview": ("개요 탭", "Overview tab"),
    "key_tab_features": ("기능 탭", "Features tab"),
    "key_tab_use_cases": ("사용 사례 탭", "Use cases tab"),
    "key_tab_examples": ("예제 탭", "Examples tab"),
    "key_tab_relations": ("관계 탭", "Relations tab"),
    "key_back": ("뒤로", "Back"),
    "key_down": ("아래로", "Down"),
    "key_up": ("위로", "Up"),
    "key_palette": ("명령 팔레트", "Command palette"),
    "key_first": ("처음으로", "First"),
    "key_last": ("끝으로", "Last"),
    "key_select": ("열기 / 선택", "Open / select"),
    "key_page_down": ("다음 페이지", "Page down"),
    "key_page_up": ("이전 페이지", "Page up"),
    "key_left": ("왼쪽", "Left"),
    "key_right": ("오른쪽", "Right"),
    "key_focus_next": ("다음 영역으로", "Next area"),
    "key_focus_previous": ("이전 영역으로", "Previous area"),
    "key_copy_text": ("선택한 텍스트 복사", "Copy selected text"),
    "help_title": ("키 도움말", "Keys"),
    "help_hint": ("Esc 또는 ?로 닫기", "Escape or ? closes"),
    "empty_features": ("이 도구에는 기능 항목이 없습니다.", "This tool has no features."),
    "empty_use_cases": ("이 도구에는 사용 사례가 없습니다.", "This tool has no use cases."),
    "empty_examples": ("이 도구에는 예제가 없습니다.", "This tool has no examples."),
    "empty_relations": (
        "이 도구와 다른 도구의 관계가 없습니다.",
        "No relations between this tool and the others.",
    ),
    "empty_pack": ("팩에 도구가 없습니다.", "The pack has no tools."),
    "copied": (
        "예제를 터미널의 클립보드로 보냈습니다(OSC 52): {title}. 이를 무시하는 터미널도 있으니, "
        "붙여 넣어지지 않으면 s 로 파일에 저장하세요",
        "Sent the example to the terminal's clipboard (OSC 52): {title}. Some terminals "
        "ignore it; if it does not paste, press s to save it to a file",
    ),
    "key_save": ("예제 저장", "Save example"),
    "key_maximize": ("창 최대화 / 되돌리기", "Maximize / restore pane"),
    "key_sidebar": ("사이드바 숨기기 / 보이기", "Hide / show sidebar"),
    "crumb_compare": ("비교: {tools}", "Compare: {tools}"),
    "crumb_guide_result": ("결과", "Result"),
    "key_history_back": ("뒤로 (방문 기록)", "Back (history)"),
    "key_history_forward": ("앞으로 (방문 기록)", "Forward (history)"),
    "history_start": ("더 뒤로 갈 곳이 없습니다", "Nothing further back"),
    "history_end": ("더 앞으로 갈 곳이 없습니다", "Nothing further forward"),
    "key_mark": ("표시하기 / 표시 지우기", "Mark / unmark"),
    "key_marks": ("표시한 곳", "Marks"),
    "mark_nothing": ("여기에는 표시할 항목이 없습니다", "Nothing here to mark"),
    "mark_added": ("표시했습니다: {place}", "Marked: {place}"),
    "mark_removed": ("표시를 지웠습니다: {place}", "Mark removed: {place}"),
    "marks_none": (
        "표시한 곳이 없습니다. 항목에서 m을 누르면 표시됩니다",
        "No marks yet: press m on an item to mark it",
    ),
    "mark_missing": (
        "이 팩에는 더 이상 없습니다: {place}",
        "No longer in this pack: {place}",
    ),
    "marks_title": ("표시한 곳", "Marks"),
    "marks_placeholder": ("걸러 보기…", "Filter…"),
    "marks_hint": (
        "Enter 이동 · Ctrl+D 표시 지우기 · Esc 닫기",
        "Enter go · Ctrl+D remove mark · Esc close",
    ),
    "marks_gone": ("(없어짐)", "(missing)"),
    "marks_no_match": ("맞는 표시가 없습니다", "No mark matches"),
    "key_find": ("이 화면에서 찾기", "Find here"),
    "key_find_next": ("다음 찾은 곳", "Next match"),
    "key_cmp_notes_or_next": (
        "참고·자세히 (찾는 중에는 다음 찾은 곳)",
        "Notes / details (while finding: next match)",
    ),
    "key_find_previous": ("이전 찾은 곳", "Previous match"),
    "find_label": ("찾기", "Find"),
    "find_placeholder": (
        "이 화면에서 찾을 말 (Enter 보기, n/N 다음/이전, Esc 닫기)",
        "Text in this view (Enter view, n/N next/previous, Esc close)",
    ),
    "find_count": ("{n}/{total}", "{n}/{total}"),
    "find_none": ("없음", "none"),
    "find_not_here": (
        "이 탭에서는 찾기를 쓸 수 없습니다 (Compose 키와 명령 탭은 / 로 거릅니다)",
        "Find does not work in this tab (the keys and commands tabs filter with /)",
    ),
    "nothing_to_maximize": ("최대화할 창이 없습니다", "Nothing here to maximize"),
    # Textual's own command palette entries
    "sys_theme": ("테마", "Theme"),
    "sys_theme_help": (
        "색 테마를 바꿉니다 (다음에도 기억합니다)",
        "Change the colour theme (remembered)",
    ),
    "sys_keys": ("키", "Keys"),
    "sys_keys_help": ("이 화면의 모든 키를 봅니다", "Show every key of this screen"),
    "sys_maximize": ("최대화", "Maximize"),
    "sys_maximize_help": ("포커스된 창이 화면을 채웁니다", "The focused pane fills the screen"),
    "sys_minimize": ("되돌리기", "Minimize"),
    "sys_minimize_help": ("최대화한 창을 원래 크기로 되돌립니다", "Restore the maximized pane"),
    "sys_screenshot": ("스크린샷", "Screenshot"),
    "sys_screenshot_help": ("현재 화면을 SVG 파일로 저장합니다", "Save the screen as an SVG file"),
    "sys_quit": ("종료", "Quit"),
    "sys_quit_help": ("프로그램을 끝냅니다", "Quit the application"),
    "saved": ("예제를 저장했습니다: {path}", "Saved the example to {path}"),
    "save_download": ("예제를 내려받기로 보냈습니다", "The example is being downloaded"),
    "save_failed": ("예제를 저장하지 못했습니다: {reason}", "Could not save the example: {reason}"),
    "nothing_to_copy": ("복사할 예제가 없습니다.", "No example to copy."),
    "opening": ("브라우저로 엽니다: {url}", "Opening in the browser: {url}"),
    "no_link": ("이 도구에는 공식 문서 링크가 없습니다.", "This tool has no official link."),
    "opening_tool_docs": (
        "이 항목에는 따로 출처가 없어 도구의 공식 문서를 엽니다: {url}",
        "This item has no source of its own; opening the tool's docs: {url}",
    ),
    "no_source": ("이 항목에는 출처 링크가 없습니다.", "This item has no source link."),
    "key_open_source": ("출처 열기", "Open source"),
    "config_ignored": ("설정 파일을 무시했습니다: {problem}", "Settings file ignored: {problem}"),
    "config_not_saved": (
        "설정을 저장하지 못했습니다: {problem}",
        "Could not save the setting: {problem}",
    ),
    "lang_switched": ("언어: 한국어", "Language: English"),
    "relation_jump": ("Enter: {tool}(으)로 이동", "Enter: go to {tool}"),
    # search screen
    "search_placeholder": (
        "검색: 기능, 사용 사례, 예제… (예: k8s, 롤링 업데이트, ㅋㅂㄴㅌㅅ)",
        "Search features, use cases, examples… (e.g. k8s, rolling update, 셀프 힐링)",
    ),
    "search_indexing": ("색인을 만드는 중…", "Building the index…"),
    "search_no_hits": ("'{query}'에 맞는 결과가 없습니다.", "Nothing matches '{query}'."),
    "search_hint": ("↑↓ 이동 · Enter 열기 · Esc 닫기", "↑↓ move · Enter open · Esc close"),
    "search_count": ("결과 {count}개", "{count} results"),
    "kind_tool": ("도구", "tool"),
    "kind_feature": ("기능", "feature"),
    "kind_use_case": ("사용 사례", "use case"),
    "kind_component": ("구성 요소", "component"),
    "kind_concept": ("개념", "concept"),
    "kind_dimension": ("비교 항목", "comparison"),
    "kind_example": ("예제", "example"),
    "kind_relation": ("관계", "relation"),
    "kind_note": ("사실 확인", "fact-check"),
    "kind_conclusion": ("결론", "conclusion"),
    "kind_compose_key": ("Compose 키", "Compose key"),
    "kind_command": ("명령 대응", "command"),
    "kind_false_friend": ("헷갈리는 용어", "false friend"),
    "all_tools": ("모든 도구", "all tools"),
    # compare screen (cmp_col_feature … cmp_legend_diff are shared with `orchexplorer compare`)
    "cmp_col_feature": ("특징", "Feature"),
    "cmp_col_concept": ("개념", "Concept"),
    "cmp_false_friend": (
        "'{term}'은(는) 도구마다 뜻이 다른 용어입니다",
        "'{term}' means different things per tool",
    ),
    "cmp_too_few": (
        "비교하려면 서로 다른 도구가 두 개 이상 필요합니다 (받은 도구: {got})",
        "compare needs at least two different tools (got: {got})",
    ),
    "cmp_no_rows": ("이 도구들에는 비교할 항목이 없습니다", "nothing to compare for these tools"),
    "cmp_no_differences": (
        "이 도구들 사이에 다른 항목이 없습니다",
        "no differences between these tools",
    ),
    "cmp_summary": ("항목 {rows}개 중 {differ}개가 다릅니다", "{differ} of {rows} rows differ"),
    "cmp_summary_only": ("다른 항목 {rows}개만 표시", "showing only the {rows} rows that differ"),
    "cmp_legend_differs": ("≠ 다름  = 같음", "≠ differs  = same"),
    "cmp_no_examples": (
        "이 도구들에는 같은 앱의 예제가 두 개 이상 없습니다",
        "these tools have no two examples of the same app",
    ),
    "cmp_unknown_app": (
        "예제 앱 '{value}'이(가) 두 도구 이상에 없습니다. 가능한 앱: {known}",
        "no two of these tools have an example for app '{value}'. Apps: {known}",
    ),
    "cmp_similarity": ("유사도", "similarity"),
    "cmp_no_changes": ("차이 없음", "identical"),
    "cmp_legend_diff": ("~ 바뀜  - 삭제  + 추가", "~ changed  - removed  + added"),
    "cmp_tab_dimensions": ("비교 항목", "Dimensions"),
    "cmp_tab_concepts": ("개념", "Concepts"),
    "cmp_tab_examples": ("예제 비교", "Examples"),
    "cmp_tools": ("비교 중:", "Comparing:"),
    "cmp_tools_hint": (
        "←→ 열 · < > 옮기기 · a 추가 · x 빼기",
        "←→ column · < > move · a add · x remove",
    ),
    "cmp_status": (
        "항목 {rows}개 중 {differ}개가 다릅니다 · {rows}개 모두 표시 (d: 다른 항목만)",
        "{differ} of {rows} rows differ · showing all {rows} (d: differences only)",
    ),
    "cmp_status_only": (
        "항목 {rows}개 중 {differ}개가 다릅니다 · 다른 항목 {differ}개만 표시 (d: 모두 보기)",
        "{differ} of {rows} rows differ · showing differences only, {differ} rows (d: all)",
    ),
    "cmp_row_hint": ("n 또는 Enter: 이 항목 자세히", "n or Enter: this row in full"),
    "cmp_notes_hint": (
        "※ 참고 {count}개 ({tools}) · n 또는 Enter로 보기",
        "※ {count} note(s) ({tools}) · n or Enter shows them",
    ),
    "cmp_missing": ("정보 없음", "no information"),
    "cmp_note": ("참고", "Note"),
    "cmp_detail_hint": ("Esc 또는 Enter로 닫기", "Escape or Enter closes"),
    "cmp_pair": ("쌍 {n}/{total} (p: 다음 쌍)", "pair {n} of {total} (p: next pair)"),
    "cmp_app": ("앱 {app} ({n}/{total}, e: 다음 앱)", "app {app} ({n} of {total}, e: next app)"),
    "cmp_changed_lines": ("바뀐 줄 {count}개", "{count} lines differ"),
    "cmp_max_tools": (
        "도구는 최대 {max}개까지 비교할 수 있습니다",
        "At most {max} tools can be compared",
    ),
    "cmp_min_tools": (
        "비교에는 도구가 두 개 이상 필요합니다",
        "A comparison needs at least two tools",
    ),
    "cmp_no_more_tools": ("더 추가할 도구가 없습니다", "No other tool to add"),
    "cmp_need_two": ("비교할 다른 도구가 없습니다", "There is no other tool to compare with"),
    "cmp_add_title": ("비교에 추가할 도구", "Add a tool to the comparison"),
    "cmp_add_placeholder": ("이름으로 거르기…", "Filter by name…"),
    "cmp_add_hint": ("↑↓ 이동 · Enter 추가 · Esc 닫기", "↑↓ move · Enter add · Esc close"),
    "cmp_add_none": ("맞는 도구가 없습니다.", "No tool matches."),
    "key_cmp_differences": ("다른 항목만", "Differences only"),
    "key_cmp_add": ("도구 추가", "Add tool"),
    "key_cmp_remove": ("도구 빼기", "Remove tool"),
    "key_cmp_move_left": ("도구를 왼쪽으로", "Move tool left"),
    "key_cmp_move_right": ("도구를 오른쪽으로", "Move tool right"),
    "key_cmp_column_left": ("왼쪽 열 선택", "Previous column"),
    "key_cmp_column_right": ("오른쪽 열 선택", "Next column"),
    "key_cmp_notes": ("참고·자세히", "Notes / details"),
    "key_cmp_pair": ("다음 예제 쌍", "Next example pair"),
    "key_cmp_app": ("다음 예제 앱", "Next example app"),
    "key_cmp_tab_dimensions": ("비교 항목 탭", "Dimensions tab"),
    "key_cmp_tab_concepts": ("개념 탭", "Concepts tab"),
    "key_cmp_tab_examples": ("예제 비교 탭", "Examples tab"),
    # guide screen
    "gs_question": ("질문 {n} / {total}", "Question {n} of {total}"),
    "gs_skip": ("건너뛰기 (상관없음)", "Skip (no preference)"),
    "gs_so_far": ("지금까지 가장 잘 맞는 도구: {summary}", "So far: {summary}"),
    "gs_result": ("결과: 어떤 도구가 맞을까요?", "Result: which tool fits?"),
    "gs_answered": ("질문 {answered}/{total}개에 답함", "{answered} of {total} questions answered"),
    "gs_hint_question": (
        "↑↓ 또는 숫자로 고르기 · Enter 다음 · Backspace/Esc 이전",
        "↑↓ or numbers choose · Enter next · Backspace/Esc back",
    ),
    "gs_hint_result": (
        "Enter 도구로 이동 · c 상위 두 도구 비교 · r 처음부터 · Backspace 이전",
        "Enter go to the tool · c compare the top two · r start over · Backspace back",
    ),
    "key_guide_back": ("이전", "Back"),
    "key_guide_skip": ("건너뛰기", "Skip"),
    "key_guide_restart": ("처음부터", "Start over"),
    "key_guide_compare": ("상위 두 도구 비교", "Compare top two"),
    "key_choose": ("{n}번 고르기", "Choose {n}"),
    # command palette
    "cmd_show_tool": ("{tool} 보기", "Show {tool}"),
    "cmd_show_item": ("{tool}: {item}", "{tool}: {item}"),
    "cmd_switch_lang": (
        "영어로 전환 (Switch to English)",
        "Switch to Korean (한국어로 전환)",
    ),
    "cmd_help": ("키 도움말 보기", "Show the keys"),
    "cmd_compare": ("{a}와(과) {b} 비교", "Compare {a} with {b}"),
    "cmd_kind_tool": ("도구", "tool"),
    "cmd_kind_feature": ("기능", "feature"),
    "cmd_kind_use_case": ("사용 사례", "use case"),
    "cmd_kind_action": ("동작", "action"),
    # guide
    "err_unknown_feature": (
        "알 수 없는 기능 id '{value}' (기능은 도구/기능-id로 가리킵니다)",
        "unknown feature id '{value}' (a feature is named TOOL/FEATURE-ID)",
    ),
    "err_unknown_use_case": (
        "알 수 없는 사용 사례 id '{value}' (사용 사례는 도구/사용사례-id로 가리킵니다)",
        "unknown use case id '{value}' (a use case is named TOOL/USE-CASE-ID)",
    ),
    "err_unknown_guide_answer": (
        "알 수 없는 가이드 답 '{value}' (답은 질문-id=답-id로 가리킵니다)",
        "unknown guide answer '{value}' (an answer is named QUESTION=ANSWER)",
    ),
    "err_v_greater_than_equal": (
        "'{field}'는 {ge} 이상이어야 합니다",
        "'{field}' must be at least {ge}",
    ),
    "err_v_less_than_equal": (
        "'{field}'는 {le} 이하여야 합니다",
        "'{field}' must be at most {le}",
    ),
    "count_guide_questions": ("가이드 질문", "guide questions"),
    "key_portability": ("이식성", "Portability"),
    "port_key_filter": ("거르기", "Filter"),
    "port_key_detail": ("자세히", "Details"),
    "port_tab_keys": ("Compose 키", "Compose keys"),
    "port_tab_commands": ("명령", "Commands"),
    "port_tab_friends": ("헷갈리는 용어", "False friends"),
    "port_sources": ("출처", "Sources"),
    "port_equivalent": ("대응", "Equivalent"),
    "port_workaround": ("대신", "Instead"),
    "port_difference": ("차이", "Difference"),
    "port_false_friend": (
        "도구마다 뜻이 다른 용어입니다",
        "A word that means different things per tool",
    ),
    # a cell shown from the tool that this one implements (k3s: Kubernetes's cells)
    # ("와(과)" is resolved by portability.inherited_label from the name: 쿠버네티스와 같음)
    "port_inherited": ("{tool}와(과) 같음", "as {tool}"),
    # the tool columns on show when they do not all fit ("columns 1–3 of 6 ▸")
    "port_columns": ("도구 열 {first}–{last} / {total}", "columns {first}–{last} of {total}"),
    "port_columns_hint": ("←/→ 다른 열", "←/→ other columns"),
    "port_col_key": ("키", "Key"),
    "port_col_task": ("할 일", "Task"),
    "port_col_term": ("용어", "Term"),
    "port_filter_hint": (
        "입력해서 거르기 (예: depends_on, 헬스체크, logs)",
        "Type to filter (e.g. depends_on, healthcheck, logs)",
    ),
    "port_count": ("{shown}/{total}개", "{shown} of {total}"),
    "port_empty": (
        "이 콘텐츠 팩에는 이식성 자료가 없습니다.",
        "This content pack has no portability reference.",
    ),
    "count_compose_keys": ("Compose 키", "Compose keys"),
    "count_commands": ("명령 대응", "command mappings"),
    "count_false_friends": ("헷갈리는 용어", "false friends"),
    "err_unknown_concept": ("알 수 없는 개념 id '{value}'", "unknown concept id '{value}'"),
    "guide_tie": (
        "{names}의 점수가 {score}점으로 같습니다 (공동 {rank}위).",
        "{names} are tied at {score} (shared rank {rank}).",
    ),
    "guide_tie_unanswered": (
        "아직 답한 질문이 없어 모든 도구가 0점으로 같습니다.",
        "No question is answered yet, so every tool scores 0 and all are tied.",
    ),
    "guide_tie_neutral": (
        "지금까지의 답은 어느 도구의 점수도 바꾸지 않아 모든 도구가 0점으로 같습니다.",
        "The answers so far move no tool's score, so every tool scores 0 and all are tied.",
    ),
    "guide_tie_separating": (
        "남은 질문 중 {questions}에 답하면 순위가 갈릴 수 있습니다.",
        "Answering {questions} could separate them.",
    ),
    "guide_tie_no_separating": (
        "남은 질문으로는 가를 수 없어 팩의 도구 순서대로 표시합니다.",
        "No remaining question separates them; they are listed in the pack's tool order.",
    ),
    "guide_best": (
        "가장 잘 맞는 도구: {tool} ({score}점).",
        "Best fit: {tool} (score {score}).",
    ),
    "guide_best_tied": (
        "가장 잘 맞는 도구가 동점입니다: {names} ({score}점).",
        "Tied for the best fit: {names} (score {score}).",
    ),
    "guide_no_tools": ("팩에 도구가 없습니다.", "The pack has no tools."),
    "guide_best_none": (
        "모든 도구가 필수 조건 때문에 제외되었습니다. "
        "그중 점수가 가장 높은 도구: {names} ({score}점).",
        "Every tool is ruled out by a requirement; the highest score among them: {names} "
        "(score {score}).",
    ),
    "guide_ruled_out": (
        "{tool}: 제외 — 필수 조건: {required} (답: “{answer}”). {dimension} ({tool}): {cell}",
        "{tool}: ruled out — required: {required} (your answer: “{answer}”). "
        "{dimension} ({tool}): {cell}",
    ),
    "guide_ruled_out_short": (
        "{tool}: 제외 — 필수 조건: {required}",
        "{tool}: ruled out — required: {required}",
    ),
    "guide_conflict": (
        "“{first}”, “{second}”: 서로 맞지 않는 답입니다. {why}",
        "“{first}” and “{second}” contradict each other. {why}",
    ),
    "guide_shared": (
        "다시 더하지 않음: 답 “{answer}”에서 같은 사실을 이미 셉니다",
        "not added again: your answer “{answer}” already counts the same fact",
    ),
    "guide_waived": (
        "적용되지 않음: “{answer}”라고 답했습니다",
        "does not apply: you answered “{answer}”",
    ),
    "guide_ruled_out_heading": (
        "제외된 도구 (필수 조건을 충족하지 않음)",
        "Ruled out (a hard requirement is not met)",
    ),
    "guide_conflicts_heading": ("서로 맞지 않는 답", "Contradictory answers"),
    "guide_ruled_out_tag": ("제외", "ruled out"),
    "guide_source": ("출처", "source"),
    "guide_heading": (
        "선택 가이드: 질문 {total}개 중 {answered}개에 답함",
        "Decision guide: {answered} of {total} questions answered",
    ),
    "guide_hint": (
        "--answer 질문=답 으로 답하세요. 질문과 답 목록: orchexplorer guide --list",
        "Answer with --answer QUESTION=ANSWER. Questions and answers: orchexplorer guide --list",
    ),
    "guide_empty": ("이 팩에는 가이드 질문이 없습니다.", "This pack has no guide questions."),
    "guide_tied_with": ("동점: {names}", "tied with {names}"),
    "guide_no_reasons": ("적용된 답 없음", "no answer applied"),
    "guide_see": ("참고", "see"),
    "guide_ref_dimension": ("비교 항목", "comparison"),
    "guide_ref_feature": ("{tool} 기능", "{tool} feature"),
    "guide_ref_use_case": ("{tool} 사용 사례", "{tool} use case"),
    "guide_ties_heading": ("동점", "Ties"),
    "guide_list_heading": (
        "질문과 답 (--answer 질문=답)",
        "Questions and answers (--answer QUESTION=ANSWER)",
    ),
    "guide_no_effect": ("점수 변화 없음", "no effect on scores"),
    "cli_guide_unknown_question": (
        "알 수 없는 질문 '{value}'. 가능한 질문: {known}",
        "unknown question '{value}'. Questions: {known}",
    ),
    "cli_guide_unknown_answer": (
        "질문 '{question}'에는 답 '{value}'이(가) 없습니다. 가능한 답: {known}",
        "question '{question}' has no answer '{value}'. Answers: {known}",
    ),
    "cli_guide_malformed": (
        "--answer는 질문=답 형식이어야 합니다 (받은 값: '{value}'). 가능한 질문: {known}",
        "--answer expects QUESTION=ANSWER, got '{value}'. Questions: {known}",
    ),
    "cli_guide_twice": (
        "질문 '{question}'에 두 가지로 답했습니다: '{first}', '{second}'",
        "question '{question}' is answered twice: '{first}' and '{second}'",
    ),
    # explain
    "explain_head": (
        "{file}: 서비스 {count}개 ({names}), 대상: {targets}",
        "{file}: {count} service(s) ({names}), explained for {targets}",
    ),
    "explain_top": ("최상위", "Top level"),
    "explain_service": ("서비스 {name}", "Service {name}"),
    "explain_unknown": ("이식성 표에 없는 키 ({count})", "Not in the matrix ({count})"),
    "explain_extensions": (
        "확장 필드 ({count}): x-로 시작하는 이름이며 어느 도구도 해석하지 않습니다",
        "Extension fields ({count}): names starting with x-, which no tool interprets",
    ),
    "explain_all_supported": (
        "모든 대상이 그대로 지원하는 키 {count}개는 목록에서 뺐습니다 (--all로 모두 보기)",
        "{count} key(s) that every target supports as written are not listed (--all lists them)",
    ),
    "explain_no_cell": ("표에 정보 없음", "no information in the matrix"),
    "explain_no_matrix": (
        "이 콘텐츠 팩에는 Compose 키 표(compose_keys)가 없어서 모든 키가 '표에 없는 키'로 나옵니다",
        "This content pack has no Compose key matrix (compose_keys), so every key is listed "
        "as not in the matrix",
    ),
    "explain_nothing": ("설명할 키가 없습니다", "No keys to explain"),
    "explain_note": (
        "이 명령은 이식성 표에 따라 키마다 설명할 뿐, 파일을 변환하거나 실행해 보지 않습니다. "
        "Kompose(kompose.io) 같은 변환 도구는 Compose 파일에서 쿠버네티스 매니페스트를 만듭니다.",
        "This explains each key from the portability matrix; it does not convert the file or "
        "run it. Converters such as Kompose (kompose.io) write Kubernetes manifests from a "
        "Compose file.",
    ),
    "explain_col_line": ("줄", "Line"),
    "explain_col_service": ("서비스", "Service"),
    "explain_no_target": (
        "--target에 도구가 없습니다. 가능한 도구: {known}",
        "--target names no tool. Known tools: {known}",
    ),
    "explain_err_empty": (
        "YAML 데이터가 없습니다 (빈 파일이거나 주석뿐): Compose 파일이 아닙니다",
        "no YAML data (the file is empty or only comments): not a Compose file",
    ),
    "explain_err_not_mapping": (
        "Compose 파일의 최상위는 매핑이어야 합니다 (services: ...)",
        "the top level of a Compose file must be a mapping (services: ...)",
    ),
    "explain_err_no_services": (
        "services 매핑이 없습니다: Compose 파일이 아닙니다",
        "no 'services' mapping: not a Compose file",
    ),
    "explain_err_services": (
        "'services'는 서비스 이름에서 설정으로 가는 매핑이어야 합니다",
        "'services' must be a mapping of service names to their settings",
    ),
    "explain_err_service": (
        "서비스 '{name}'의 설정은 매핑이어야 합니다",
        "the settings of service '{name}' must be a mapping",
    ),
}


# Latin letters and digits read with a final consonant in Korean (Swarm -> 스웜, Podman -> 팟맨,
# 3 -> 삼): they take 과, the rest 와 (Kubernetes -> 쿠버네티스와, Docker -> 도커와).
_FINAL_LATIN = frozenset("lmn")
_FINAL_DIGITS = frozenset("013678")


def with_wa(word: str) -> str:
    """The particle '와' or '과' that follows `word` (과 after a final consonant). Hangul is
    read exactly; a Latin name by its last letter (l, m, n or -ng: 과), a digit by its
    Korean reading. Anything else: 와."""
    text = word.rstrip(" )]」’'\"")
    if not text:
        return "와"
    last = text[-1]
    code = ord(last) - 0xAC00
    if 0 <= code < 11172:
        return "과" if code % 28 else "와"
    low = text.casefold()
    if last.isdigit():
        return "과" if last in _FINAL_DIGITS else "와"
    if low[-1] in _FINAL_LATIN or low.endswith("ng"):
        return "과"
    return "와"


def t(key: str, lang: Lang, /, **values: object) -> str:
    """The string `key` in `lang`, formatted. An unknown key returns the key itself."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    template = pair[0] if lang == "ko" else pair[1]
    try:
        return template.format_map(_Safe(values))
    except (ValueError, IndexError):
        return template


class _Safe(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
