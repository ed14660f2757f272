;;; lsp-check.el --- g0guard's server under Emacs's eglot, in batch mode  -*- lexical-binding: t -*-
;; A third LSP client: the README's eglot configuration (loaded before this file by run.sh) opens
;; main.go of a copy of test/editors/workspace as a user would. Checks: diagnostics with the rule
;; as code, the UTF-16 range on a CJK line, hover, a quick fix applied through eglot's own code
;; action command, and the diagnostics cleared.
;;   WORKSPACE=<copy> emacs --batch -l <README block> -l lsp-check.el
(require 'cl-lib)
(require 'flymake)

(defvar g0-workspace (or (getenv "WORKSPACE") (error "set WORKSPACE")))
(defvar g0-timeout (/ (string-to-number (or (getenv "TIMEOUT_MS") "20000")) 1000.0))
(defvar g0-started (float-time))
(defvar g0-passed 0)
(defvar g0-failed 0)

(defun g0-say (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun g0-check (ok what &optional detail)
  (g0-say "%s %s (%d ms)%s" (if ok "ok    " "FAILED") what
          (round (* 1000 (- (float-time) g0-started)))
          (if detail (format ": %s" detail) ""))
  (if ok (cl-incf g0-passed) (cl-incf g0-failed))
  ok)
(defun g0-finish ()
  (g0-say "%d passed, %d failed" g0-passed g0-failed)
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs (if (= g0-failed 0) 0 1)))
(defun g0-idle ()
  "Run the idle timers, as Emacs does when the user pauses. Batch mode never idles, and eglot
sends edits (didChange) and Flymake shows diagnostics from idle timers."
  (dolist (timer (copy-sequence timer-idle-list)) (timer-event-handler timer)))
(defun g0-wait (pred)
  "Let the server's messages and Emacs's timers run until PRED holds or the time is up."
  (let ((end (+ (float-time) g0-timeout)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (g0-idle)
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun g0-diags (&optional code)
  "g0guard's diagnostics as Flymake shows them: (FLYMAKE-DIAG . LSP-DIAG), optionally of rule CODE."
  (cl-loop for d in (flymake-diagnostics)
           for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
           when (and lsp (equal (plist-get lsp :source) "g0guard")
                     (or (null code) (equal (plist-get lsp :code) code)))
           collect (cons d lsp)))
(defun g0-buffer-has (s) (save-excursion (goto-char (point-min)) (search-forward s nil t)))

(defun g0-apply-fix (diag title-regexp)
  "Run eglot's own code-action command on DIAG's region, choosing the action whose title matches."
  (let ((last-nonmenu-event ?\C-.) ; invoked from the keyboard, so eglot asks with completing-read
        offered)
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt items &rest _)
                 (setq offered (mapcar #'car items))
                 (or (cl-find-if (lambda (title) (string-match-p title-regexp title)) offered)
                     (error "no action matching %s among %S" title-regexp offered)))))
      (condition-case err
          (progn (eglot-code-actions (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag) "quickfix" t)
                 (mapconcat #'identity offered " | "))
        (error (g0-check nil (format "a quick fix matching %s" title-regexp) (error-message-string err)) nil)))))

;; Open main.go as a user would: find-file, then the command loop's post-command hook, where
;; eglot-ensure starts the server.
(find-file (expand-file-name "main.go" g0-workspace))
(run-hooks 'post-command-hook)
(unless (g0-check (and (eglot-current-server) t) "the README configuration started g0guard for main.go"
                  (format "major mode %s" major-mode))
  (g0-finish))

;; 1. diagnostics: both rules, the rule id as code
(let ((both (g0-wait (lambda () (and (g0-diags "export-panic") (g0-diags "cgo-callback-recursion"))))))
  (unless (g0-check both "diagnostics published: export-panic and cgo-callback-recursion"
                    (mapconcat (lambda (d) (format "%s@%d" (plist-get (cdr d) :code) (line-number-at-pos (flymake-diagnostic-beg (car d)))))
                               (g0-diags) ", "))
    (g0-finish)))
(let* ((recursion (car (car (g0-diags "cgo-callback-recursion"))))
       (beg (flymake-diagnostic-beg recursion)))
  ;; the server sends UTF-16 (character 21 after a CJK comment); eglot turns it into a buffer position
  (g0-check (equal (buffer-substring-no-properties beg (+ beg 9)) "C.descend")
            "UTF-16 range lands on C.descend after the CJK comment"
            (save-excursion (goto-char beg) (format "line %d: %S" (line-number-at-pos) (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))

;; 2. hover at the export-panic diagnostic
(let* ((panic (car (car (g0-diags "export-panic"))))
       (hover (progn (goto-char (flymake-diagnostic-beg panic))
                     (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
       (contents (plist-get hover :contents))
       (text (if (stringp contents) contents (or (plist-get contents :value) (format "%S" contents)))))
  (g0-check (and (string-match-p "measured on" text) (string-match-p "recover" text))
            "hover explains export-panic" (car (split-string text "\n"))))

;; 3. the preferred fix (the recover guard) through eglot's code-action command
(let* ((panic (car (car (g0-diags "export-panic"))))
       (offered (g0-apply-fix panic "recover")))
  (when offered
    (g0-check (g0-buffer-has "recover()") "recover guard applied" offered)
    (g0-check (and (g0-wait (lambda () (null (g0-diags "export-panic"))))
                   (= (length (g0-diags "cgo-callback-recursion")) 1))
              "export-panic cleared, the recursion still reported")))

;; 4. the suppression on the CJK line
(let* ((recursion (car (car (g0-diags "cgo-callback-recursion"))))
       (offered (and recursion (g0-apply-fix recursion "ignore"))))
  (when offered
    (g0-check (g0-buffer-has "g0guard:ignore cgo-callback-recursion") "suppression comment inserted" offered)
    (g0-check (g0-wait (lambda () (null (g0-diags)))) "no g0guard diagnostics left")))

;; 5. a C file of the same module is served by the same server
(let ((server (eglot-current-server)))
  (find-file (expand-file-name "bridge.c" g0-workspace))
  (run-hooks 'post-command-hook)
  (g0-check (eq (eglot-current-server) server) "bridge.c joins the same g0guard server" (format "major mode %s" major-mode)))

(g0-finish)
