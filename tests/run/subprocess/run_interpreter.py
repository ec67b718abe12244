# Child interpreters through subprocess: output, return codes, options,
# environment variables and exec failures, all as CPython reports them.
import os
import subprocess
import sys


def run(*args, **kw):
    r = subprocess.run([sys.executable, *args], capture_output=True, **kw)
    print(r.returncode, r.stdout, r.stderr.splitlines()[-1:] if r.stderr else b'')


run('-c', 'print("hi"); import sys; sys.exit(3)')
run('-c', 'import sys; print(sys.argv)', 'a', 'b')
run('-E', '-c', 'import sys; print(sys.flags.ignore_environment, sys.flags.isolated)')
run('-I', '-c', 'import sys; print(sys.flags.isolated, sys.flags.safe_path, sys.flags.no_user_site)')
run('-X', 'a', '-Xb=c', '-c', 'import sys; print(sorted(sys._xoptions.items()))')
run('-W', 'error', '-c', 'import sys; print(sys.warnoptions)')
run('-c', 'raise ValueError("boom")')
run('-c', 'import sys; sys.exit("message")')
run('-z')
run('-c')
run('-V')
run('-', 'x', input=b'import sys; print(sys.argv, __name__)\n')
run('-c', 'print(hash("abc"), hash(b"abc"))', env={**os.environ, 'PYTHONHASHSEED': '42'})
run('-c', 'print(hash("abc"))', env={**os.environ, 'PYTHONHASHSEED': '0'})
run('-c', 'print(1)', env={**os.environ, 'PYTHONHASHSEED': 'bad'})
run('-c', 'print(chr(0xa2))', env={**os.environ, 'PYTHONIOENCODING': 'ascii:replace'})
run('-c', 'print(chr(0xa2))', env={**os.environ, 'PYTHONIOENCODING': 'cp424'})

# Pipes, input, cwd and the shell.
r = subprocess.run([sys.executable, '-c', 'import sys; print(sys.stdin.read().upper())'],
                   input='piped text', capture_output=True, text=True)
print(r.returncode, repr(r.stdout))
print(subprocess.check_output([sys.executable, '-c', 'import os; print(os.getcwd())'], cwd='/').strip())
print(subprocess.check_output('echo $0 && exit 0', shell=True).strip())
print(subprocess.call(['true']), subprocess.call(['false']))
try:
    subprocess.check_call([sys.executable, '-c', 'raise SystemExit(5)'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode)

# Exec failures come back through the error pipe.
for cmd, kw in [(['/nonexistent/program'], {}), (['true'], {'cwd': '/nonexistent/dir'}),
                (['/etc/passwd'], {})]:
    try:
        subprocess.run(cmd, **kw)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)

# preexec_fn runs in the child; its exception is reported.
p = subprocess.run([sys.executable, '-c', 'import os; print(os.environ["FROM_PREEXEC"])'],
                   preexec_fn=lambda: os.environ.__setitem__('FROM_PREEXEC', 'yes'),
                   capture_output=True)
print(p.stdout)


def bad():
    raise ValueError


try:
    subprocess.run(['true'], preexec_fn=bad)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

# pass_fds keeps a descriptor open in the child; close_fds closes the rest.
r, w = os.pipe()
subprocess.run([sys.executable, '-c', f'import os; os.write({w}, b"through pass_fds")'], pass_fds=[w])
os.close(w)
print(os.read(r, 100))
os.close(r)
r, w = os.pipe()
p = subprocess.run([sys.executable, '-c', f'import os; os.write({w}, b"x")'], capture_output=True)
print(p.returncode, p.stderr.splitlines()[-1:])
os.close(r)
os.close(w)

# Popen with communicate and a timeout that does not expire.
with subprocess.Popen([sys.executable, '-c', 'import sys; sys.stdout.write(sys.stdin.read()[::-1])'],
                      stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    out, _ = p.communicate(b'abcdef', timeout=30)
    print(out, p.returncode)

# The _posixsubprocess argument checks.
import _posixsubprocess
for args in [(1,), (1, 2, 1, (), None, None, *[-1] * 8, 0, 0, -1, None, None, None, -1, None, 0),
             (1, 2, 0, (3, 2), None, None, *[-1] * 8, 0, 0, -1, None, None, None, -1, None, 0),
             ([b'x'], [1], 0, (), None, None, *[-1] * 8, 0, 0, -1, None, None, None, -1, None, 0),
             (1, [b'x'], 0, (), None, None, *[-1] * 8, 0, 0, -1, None, None, None, -1, None, 0),
             ([b'x'], [b'x\0'], 0, (), None, None, *[-1] * 8, 0, 0, -1, None, None, None, -1, None, 0),
             ([b'x'], [b'x'], 0, (), None, None, *[-1] * 8, 0, 0, -1, None, (1,), None, -1, None, 0)]:
    try:
        _posixsubprocess.fork_exec(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
