-- g0guard's language server in Neovim 0.7 or later, with the built-in LSP client (no plugin).
-- One client per module (the folder of the nearest go.mod, else the current folder), started when
-- the first Go, C or C++ buffer of that module opens and attached to every such buffer after it.
--   dofile('/path/to/g0guard/editors/nvim/g0guard.lua').setup({
--     cmd = { 'node', '/path/to/g0guard/bin/g0guard', 'lsp', '--stdio' },
--   })
-- Options: cmd (required), filetypes (default go, c, cpp), on_attach, capabilities.
local M = {}

-- The folder holding the nearest go.mod above `dir`, or nil.
local function module_root(dir)
  while dir and dir ~= '' do
    if vim.loop.fs_stat(dir .. '/go.mod') then return dir end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then return nil end
    dir = parent
  end
end

function M.setup(opts)
  opts = opts or {}
  assert(type(opts.cmd) == 'table', "g0guard: setup needs cmd, e.g. { 'node', '/path/to/g0guard/bin/g0guard', 'lsp', '--stdio' }")
  local filetypes = opts.filetypes or { 'go', 'c', 'cpp' }
  local clients = {} -- module root -> client id

  local function attach(buf)
    local name = vim.api.nvim_buf_get_name(buf)
    if name == '' or vim.bo[buf].buftype ~= '' then return end
    local root = module_root(vim.fn.fnamemodify(name, ':p:h')) or vim.fn.getcwd()
    local id = clients[root]
    if not (id and vim.lsp.get_client_by_id(id)) then
      id = vim.lsp.start_client({
        name = 'g0guard',
        cmd = opts.cmd,
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
        on_attach = opts.on_attach,
        capabilities = opts.capabilities,
      })
      clients[root] = id
    end
    if id then vim.lsp.buf_attach_client(buf, id) end
  end

  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('g0guard', { clear = true }),
    pattern = filetypes,
    callback = function(args) attach(args.buf) end,
  })
  -- buffers that were open before setup ran
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(filetypes, vim.bo[buf].filetype) then attach(buf) end
  end
end

return M
