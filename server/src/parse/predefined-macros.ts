// The macros the C compiler defines before reading a unit, for the build target: what `#if
// defined(__linux__)` and `#ifdef __cplusplus` are decided by. The linux/amd64 values are those
// gcc 12 prints (`gcc -dM -E -O2 -fPIC -pthread -m64`, cgo's own flags); other targets swap the
// OS, architecture and compiler macros. Platform macros of every other target are known to be
// undefined, so their branches are left out instead of read as unknown.
import type { Target } from '../model/build-constraints';

export type CLang = 'c' | 'cpp';

/** Defined for every target (gcc 12 on a 64-bit little-endian target; sizes adjusted below). */
const COMMON: Record<string, string> = {
  __STDC__: '1', __STDC_HOSTED__: '1', __GNUC__: '12', __GNUC_MINOR__: '2', __GNUC_PATCHLEVEL__: '0', __GNUC_STDC_INLINE__: '1',
  __CHAR_BIT__: '8', __ORDER_LITTLE_ENDIAN__: '1234', __ORDER_BIG_ENDIAN__: '4321', __ORDER_PDP_ENDIAN__: '3412',
  __BYTE_ORDER__: '__ORDER_LITTLE_ENDIAN__', __FLOAT_WORD_ORDER__: '__ORDER_LITTLE_ENDIAN__',
  __SIZEOF_INT__: '4', __SIZEOF_LONG__: '8', __SIZEOF_LONG_LONG__: '8', __SIZEOF_SHORT__: '2', __SIZEOF_POINTER__: '8',
  __SIZEOF_FLOAT__: '4', __SIZEOF_DOUBLE__: '8', __SIZEOF_LONG_DOUBLE__: '16', __SIZEOF_SIZE_T__: '8', __SIZEOF_WCHAR_T__: '4',
  __SIZEOF_WINT_T__: '4', __SIZEOF_PTRDIFF_T__: '8', __SIZEOF_INT128__: '16',
  __SCHAR_MAX__: '0x7f', __SHRT_MAX__: '0x7fff', __INT_MAX__: '0x7fffffff', __LONG_MAX__: '0x7fffffffffffffffL', __LONG_LONG_MAX__: '0x7fffffffffffffffLL',
  __INT8_MAX__: '0x7f', __INT16_MAX__: '0x7fff', __INT32_MAX__: '0x7fffffff', __INT64_MAX__: '0x7fffffffffffffffL',
  __UINT8_MAX__: '0xff', __UINT16_MAX__: '0xffff', __UINT32_MAX__: '0xffffffffU', __UINT64_MAX__: '0xffffffffffffffffUL',
  __INTMAX_MAX__: '0x7fffffffffffffffL', __UINTMAX_MAX__: '0xffffffffffffffffUL', __INTPTR_MAX__: '0x7fffffffffffffffL',
  __UINTPTR_MAX__: '0xffffffffffffffffUL', __SIZE_MAX__: '0xffffffffffffffffUL', __PTRDIFF_MAX__: '0x7fffffffffffffffL',
  __WCHAR_MAX__: '0x7fffffff', __BIGGEST_ALIGNMENT__: '16',
  __ATOMIC_RELAXED: '0', __ATOMIC_CONSUME: '1', __ATOMIC_ACQUIRE: '2', __ATOMIC_RELEASE: '3', __ATOMIC_ACQ_REL: '4', __ATOMIC_SEQ_CST: '5',
  __OPTIMIZE__: '1', __PIC__: '2', __pic__: '2', _REENTRANT: '1', __FINITE_MATH_ONLY__: '0',
  __STDC_UTF_16__: '1', __STDC_UTF_32__: '1', __STDC_IEC_559__: '1', __STDC_IEC_559_COMPLEX__: '1', __STDC_ISO_10646__: '201706L',
};

const LP64: Record<string, string> = { __LP64__: '1', _LP64: '1' };
const ILP32: Record<string, string> = {
  __ILP32__: '1', _ILP32: '1', __SIZEOF_LONG__: '4', __SIZEOF_POINTER__: '4', __SIZEOF_SIZE_T__: '4', __SIZEOF_PTRDIFF_T__: '4',
  __LONG_MAX__: '0x7fffffffL', __INTPTR_MAX__: '0x7fffffff', __UINTPTR_MAX__: '0xffffffffU', __SIZE_MAX__: '0xffffffffU', __PTRDIFF_MAX__: '0x7fffffff',
};

const ARCH: Record<string, Record<string, string>> = {
  amd64: { __x86_64__: '1', __x86_64: '1', __amd64__: '1', __amd64: '1', __k8: '1', __k8__: '1', __code_model_small__: '1', __MMX__: '1', __SSE__: '1', __SSE2__: '1', __SSE_MATH__: '1', __SSE2_MATH__: '1', __FXSR__: '1', __SEG_FS: '1', __SEG_GS: '1', ...LP64 },
  '386': { __i386__: '1', __i386: '1', i386: '1', __i686__: '1', __i686: '1', ...ILP32 },
  arm64: { __aarch64__: '1', __AARCH64EL__: '1', __ARM_64BIT_STATE: '1', __ARM_ARCH: '8', __ARM_NEON: '1', __ARM_FP: '14', ...LP64 },
  arm: { __arm__: '1', __ARMEL__: '1', __ARM_ARCH: '7', __ARM_32BIT_STATE: '1', ...ILP32 },
  riscv64: { __riscv: '1', __riscv_xlen: '64', ...LP64 },
  ppc64le: { __powerpc64__: '1', __powerpc__: '1', __PPC64__: '1', __PPC__: '1', __LITTLE_ENDIAN__: '1', __ppc64__: '1', ...LP64 },
  ppc64: { __powerpc64__: '1', __powerpc__: '1', __PPC64__: '1', __PPC__: '1', __BIG_ENDIAN__: '1', __ppc64__: '1', __BYTE_ORDER__: '__ORDER_BIG_ENDIAN__', ...LP64 },
  s390x: { __s390x__: '1', __s390__: '1', __BYTE_ORDER__: '__ORDER_BIG_ENDIAN__', ...LP64 },
  mips64le: { __mips__: '1', __mips: '64', __mips64: '1', __MIPSEL__: '1', ...LP64 },
  mips64: { __mips__: '1', __mips: '64', __mips64: '1', __MIPSEB__: '1', __BYTE_ORDER__: '__ORDER_BIG_ENDIAN__', ...LP64 },
  mipsle: { __mips__: '1', __mips: '32', __MIPSEL__: '1', ...ILP32 },
  mips: { __mips__: '1', __mips: '32', __MIPSEB__: '1', __BYTE_ORDER__: '__ORDER_BIG_ENDIAN__', ...ILP32 },
  loong64: { __loongarch__: '1', __loongarch64: '1', __loongarch_grlen: '64', ...LP64 },
  wasm: { __wasm__: '1', __wasm32__: '1', ...ILP32 },
};

const UNIX_ELF: Record<string, string> = { __unix__: '1', __unix: '1', unix: '1', __ELF__: '1' };
const LINUX: Record<string, string> = { ...UNIX_ELF, __linux__: '1', __linux: '1', linux: '1', __gnu_linux__: '1' };
/** macOS and iOS build with clang, which claims GCC 4.2.1. */
const CLANG: Record<string, string> = { __clang__: '1', __clang_major__: '15', __clang_minor__: '0', __clang_patchlevel__: '0', __GNUC__: '4', __GNUC_MINOR__: '2', __GNUC_PATCHLEVEL__: '1', __llvm__: '1' };

const OS: Record<string, Record<string, string>> = {
  linux: LINUX,
  android: { ...LINUX, __ANDROID__: '1', __BIONIC__: '1', __ANDROID_API__: '21' },
  darwin: { __APPLE__: '1', __MACH__: '1', __APPLE_CC__: '6000', __ENVIRONMENT_MAC_OS_X_VERSION_MIN_REQUIRED__: '110000', ...CLANG },
  ios: { __APPLE__: '1', __MACH__: '1', __APPLE_CC__: '6000', __ENVIRONMENT_IPHONE_OS_VERSION_MIN_REQUIRED__: '120000', ...CLANG },
  windows: { _WIN32: '1', __WIN32: '1', __WIN32__: '1', WIN32: '1', __WINNT: '1', __WINNT__: '1', WINNT: '1', __MINGW32__: '1', __MSVCRT__: '1' },
  freebsd: { ...UNIX_ELF, __FreeBSD__: '13' },
  openbsd: { ...UNIX_ELF, __OpenBSD__: '1' },
  netbsd: { ...UNIX_ELF, __NetBSD__: '1' },
  dragonfly: { ...UNIX_ELF, __DragonFly__: '1' },
  solaris: { ...UNIX_ELF, __sun: '1', __sun__: '1', sun: '1', __SVR4: '1', __svr4__: '1' },
  illumos: { ...UNIX_ELF, __sun: '1', __sun__: '1', sun: '1', __SVR4: '1', __svr4__: '1', __illumos__: '1' },
  aix: { _AIX: '1', __unix__: '1' },
};

/** Compilers and platforms cgo never builds for here: their macros are never defined. */
const NEVER = ['_MSC_VER', '_MSC_FULL_VER', '__INTEL_COMPILER', '__INTEL_LLVM_COMPILER', '__ICC', '__ICL', '__TINYC__', '__EMSCRIPTEN__', '__CYGWIN__', '__CYGWIN32__',
  '__HAIKU__', '__OS2__', '__DJGPP__', '__SWITCH__', '__NX__', '__vita__', '__3DS__', '__PSP__', '__PS4__', '__ORBIS__', '__QNX__', '__QNXNTO__', '__Fuchsia__',
  '__CUDACC__', '__NVCC__', '__SDCC', '__BORLANDC__', '__WATCOMC__', '__DMC__', '__SUNPRO_C', '__SUNPRO_CC', '__IBMC__', '__xlC__', '__HP_cc', '__PGI',
  '_CRAYC', '__LCC__', '__ARMCC_VERSION', '__CC_ARM', '__MWERKS__', '__OBJC__', '__OBJC2__', '_M_IX86', '_M_X64', '_M_AMD64', '_M_ARM', '_M_ARM64', '_M_ARMT',
  '_WIN32_WCE', '__WINRT__', 'WINAPI_FAMILY', '__MINGW64_VERSION_MAJOR', '__riscv32', '__sparc__', '__sparc', '__ia64__', '__alpha__', '__hppa__', '__m68k__',
  '__sh__', '__xtensa__', '__AVR__', '__MSP430__', 'NDEBUG', '_DEBUG', '_M_IX86_FP', '_M_ARM64EC', '_M_IA64', '__ia64', '_M_PPC', '__powerpc', '__ppc__'];

/** Instruction-set extensions gcc defines only when asked (-mavx2, -march=…): off by default. */
export const ISA_EXTENSIONS: Record<string, string[]> = {
  sse3: ['__SSE3__'], ssse3: ['__SSSE3__'], 'sse4.1': ['__SSE4_1__'], 'sse4.2': ['__SSE4_2__'], avx: ['__AVX__'], avx2: ['__AVX2__'], fma: ['__FMA__'],
  f16c: ['__F16C__'], bmi: ['__BMI__'], bmi2: ['__BMI2__'], popcnt: ['__POPCNT__'], avx512f: ['__AVX512F__'], neon: ['__ARM_NEON__'],
};

export interface TargetMacros {
  defined: Map<string, string>;
  /** Names known to be undefined for this target and language. */
  absent: Set<string>;
}

const cache = new Map<string, TargetMacros>();

/** `std` is the value of a `-std=` flag (c99, gnu11, c++14 …), if any. */
export function targetMacros(target: Target, lang: CLang, std?: string): TargetMacros {
  const key = `${target.goos}/${target.goarch}/${lang}/${std ?? ''}`;
  let hit = cache.get(key);
  if (hit) return hit;
  const defined = new Map<string, string>(Object.entries({ ...COMMON, ...(ARCH[target.goarch] ?? LP64), ...(OS[target.goos] ?? UNIX_ELF) }));
  if (target.goos === 'windows') {
    defined.delete('__LP64__'); defined.delete('_LP64');
    defined.set('__SIZEOF_LONG__', '4'); defined.set('__LONG_MAX__', '0x7fffffffL');
    if (target.goarch === 'amd64' || target.goarch === 'arm64') { defined.set('_WIN64', '1'); defined.set('__WIN64', '1'); defined.set('__WIN64__', '1'); defined.set('__MINGW64__', '1'); }
  }
  if (lang === 'cpp') {
    defined.set('__cplusplus', cppVersion(std));
    for (const [k, v] of Object.entries({ __GNUG__: defined.get('__GNUC__')!, __GXX_RTTI: '1', __EXCEPTIONS: '1', __cpp_exceptions: '199711L', __GXX_WEAK__: '1', _GNU_SOURCE: '1', __STDCPP_THREADS__: '1', __DEPRECATED: '1' })) defined.set(k, v);
  } else {
    const v = cVersion(std);
    if (v) defined.set('__STDC_VERSION__', v);
  }
  // -std=c99 (not gnu99) and the like: strict ISO mode.
  if (std && /^c/.test(std)) defined.set('__STRICT_ANSI__', '1');
  const absent = new Set<string>([...NEVER, ...Object.values(ISA_EXTENSIONS).flat()]);
  if (!defined.has('__STRICT_ANSI__')) absent.add('__STRICT_ANSI__');
  for (const table of [...Object.values(ARCH), ...Object.values(OS), CLANG, { __cplusplus: '', __STDC_VERSION__: '', __GNUG__: '', _WIN64: '', __WIN64: '', __WIN64__: '', __MINGW64__: '', __LITTLE_ENDIAN__: '', __BIG_ENDIAN__: '' }]) {
    for (const name of Object.keys(table)) if (!defined.has(name)) absent.add(name);
  }
  hit = { defined, absent };
  cache.set(key, hit);
  return hit;
}

function cVersion(std?: string): string | undefined {
  if (!std) return '201710L';
  if (/^(c|gnu)(89|90)$|^iso9899:(1990|199409)$/.test(std)) return undefined;
  if (/^(c|gnu)(99|9x)$|^iso9899:199(9|x)$/.test(std)) return '199901L';
  if (/^(c|gnu)(11|1x)$|^iso9899:2011$/.test(std)) return '201112L';
  if (/^(c|gnu)(2x|23)$/.test(std)) return '202000L';
  return '201710L';
}

function cppVersion(std?: string): string {
  if (!std) return '201703L';
  if (/^(c|gnu)\+\+(98|03)$/.test(std)) return '199711L';
  if (/^(c|gnu)\+\+(11|0x)$/.test(std)) return '201103L';
  if (/^(c|gnu)\+\+(14|1y)$/.test(std)) return '201402L';
  if (/^(c|gnu)\+\+(20|2a)$/.test(std)) return '202002L';
  if (/^(c|gnu)\+\+(23|2b)$/.test(std)) return '202100L';
  return '201703L';
}
