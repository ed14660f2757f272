-- g0guard's server under Neovim 0.7.2's built-in LSP client, headless: a second, non-VS-Code
-- client, configured by the README's block (editors/nvim/g0guard.lua), which run.sh loads as the
-- init before this file with main.go open. Checks: the client attached by that configuration,
-- diagnostics with the rule as code, hover, quick fixes applied and the diagnostics cleared, and
-- a C file of the module joining the same client. Neovim 0.7.2 sends the context diagnostics of
-- textDocument/codeAction back with byte columns on non-ASCII lines, so fixes are matched by
-- diagnostic.data, not range.
--   WORKSPACE=<copy of test/editors/workspace> nvim --headless -u <README block> main.go -c 'luafile lsp-check.lua'
local workspace = assert(os.getenv('WORKSPACE'), 'set WORKSPACE')
local timeout = tonumber(os.getenv('TIMEOUT_MS') or '20000')
local started = vim.loop.hrtime()
local passed, failed = 0, 0

local function say(s) io.stdout:write(s .. '\n') end
local function check(ok, what, detail)
  local ms = math.floor((vim.loop.hrtime() - started) / 1e6)
  say(string.format('%s %s (%d ms)%s', ok and 'ok    ' or 'FAILED', what, ms, detail and (': ' .. tostring(detail)) or ''))
  if ok then passed = passed + 1 else failed = failed + 1 end
  return ok
end
local function finish()
  say(string.format('%d passed, %d failed', passed, failed))
  vim.cmd(failed == 0 and 'qall!' or 'cquit! 1')
end
local function wait(cond) return vim.wait(timeout, cond, 20) end

vim.lsp.set_log_level('warn')
local buf = vim.api.nvim_get_current_buf()
local function g0guard_clients(b)
  return vim.tbl_filter(function(c) return c.name == 'g0guard' end, vim.tbl_values(vim.lsp.buf_get_clients(b)))
end
local attached = wait(function() return #g0guard_clients(buf) == 1 end)
if not check(attached, 'the README configuration attached g0guard to main.go', 'filetype ' .. vim.bo[buf].filetype) then return finish() end
local client = g0guard_clients(buf)[1]
local client_id = client.id
check(client.config.root_dir == workspace, 'its root is the folder of go.mod', client.config.root_dir)

local function diags(code)
  return vim.tbl_filter(function(d) return d.source == 'g0guard' and (not code or d.code == code) end, vim.diagnostic.get(buf))
end

-- 1. diagnostics: both rules, the rule id as code
local both = wait(function() return #diags('export-panic') > 0 and #diags('cgo-callback-recursion') > 0 end)
local summary = table.concat(vim.tbl_map(function(d) return string.format('%s@%d:%d', d.code, d.lnum, d.col) end, diags()), ', ')
if not check(both, 'diagnostics published: export-panic and cgo-callback-recursion', summary) then return finish() end
local panic, recursion = diags('export-panic')[1], diags('cgo-callback-recursion')[1]
-- the server sends UTF-16 (21); Neovim turns it into a byte column: 2 tabs + 35 bytes of comment
check(recursion.lnum == 33 and recursion.col == 37, 'UTF-16 range lands on C.descend after the CJK comment', recursion.lnum .. ':' .. recursion.col .. ' (bytes)')

-- 2. hover (vim.diagnostic columns are bytes; make_position_params converts the cursor)
vim.api.nvim_win_set_cursor(0, { panic.lnum + 1, panic.col + 1 })
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), timeout) or {}
local hv = hover[client_id] and hover[client_id].result
local text = hv and (type(hv.contents) == 'table' and (hv.contents.value or vim.inspect(hv.contents)) or tostring(hv.contents)) or ''
check(text:find('measured on', 1, true) and text:find('recover', 1, true), 'hover explains export-panic', (text:match('[^\n]*panic[^\n]*') or text):sub(1, 120))

-- 3. code actions for one diagnostic, matched by its data
local function actions_for(d)
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum), only = { 'quickfix' } }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, timeout) or {}
  local all = res[client_id] and res[client_id].result or {}
  return vim.tbl_filter(function(a)
    for _, ad in ipairs(a.diagnostics or {}) do
      if ad.code == d.code and vim.deep_equal(ad.data, d.user_data.lsp.data) then return true end
    end
    return false
  end, all), all
end
local function apply(action)
  if not action.edit and type(action.command) ~= 'string' and not action.command then
    local r = client.request_sync('codeAction/resolve', action, timeout, buf)
    action = r and r.result or action
  end
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16') end
  local cmd = type(action.command) == 'table' and action.command or (type(action.command) == 'string' and action or nil)
  if cmd then client.request_sync('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, timeout, buf) end
end
local function titles(list) return table.concat(vim.tbl_map(function(a) return a.title end, list), ' | ') end
local function buffer_has(s) return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n'):find(s, 1, true) ~= nil end

local fixes = actions_for(panic)
local guard
for _, a in ipairs(fixes) do if a.isPreferred then guard = a end end
if check(guard ~= nil, 'export-panic: preferred quick fix offered', titles(fixes)) then
  apply(guard)
  check(buffer_has('recover()'), 'recover guard applied', guard.title)
  check(wait(function() return #diags('export-panic') == 0 end) and #diags('cgo-callback-recursion') == 1,
    'export-panic cleared, the recursion still reported')
end

-- 4. on the CJK line, where Neovim sends byte columns back: the suppression still matches
recursion = diags('cgo-callback-recursion')[1] or recursion
local rec_fixes, all = actions_for(recursion)
local ignore
for _, a in ipairs(rec_fixes) do if a.title:find('ignore') then ignore = a end end
local sent = vim.lsp.diagnostic.get_line_diagnostics(buf, recursion.lnum)[1]
say('info   codeAction context diagnostic sent with character ' .. (sent and sent.range.start.character or '?') .. ' (the server published 21)')
if check(ignore ~= nil, 'suppression offered on the CJK line', titles(#rec_fixes > 0 and rec_fixes or all)) then
  apply(ignore)
  check(buffer_has('g0guard:ignore cgo-callback-recursion'), 'suppression comment inserted')
  check(wait(function() return #diags() == 0 end), 'no g0guard diagnostics left')
end

-- 5. a C file of the same module joins the same client: one server per module
vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/bridge.c'))
local cbuf = vim.api.nvim_get_current_buf()
local same = wait(function() return #g0guard_clients(cbuf) == 1 and g0guard_clients(cbuf)[1].id == client_id end)
check(same and #vim.tbl_filter(function(c) return c.name == 'g0guard' end, vim.lsp.get_active_clients()) == 1,
  'bridge.c joins the same g0guard client', 'filetype ' .. vim.bo[cbuf].filetype)

vim.lsp.stop_client(client_id)
finish()
