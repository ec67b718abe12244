//! The gamma function and the log of its absolute value, as CPython 3.11
//! computes them itself rather than through libm.
//!
//! Invariants:
//! - The method is Lanczos' approximation with N = 13 and
//!   g = 6.024680040776729583740234375 (parameters also used by Boost),
//!   its sum written as a rational function; the reflection formula for
//!   x < 0 uses `sinpi`, an accurate sin(pi * x). Every floating-point
//!   operation happens in the order CPython's `m_tgamma`/`m_lgamma`
//!   perform it, with libm's exp, pow, log, sin and cos, so results agree
//!   bit for bit.
//! - Special values follow C99 Annex F; poles and negative integers are
//!   domain errors, an overflow to infinity a range error.

use super::libm;
use super::real::Fault;

use std::f64::consts::PI;

/// log(pi).
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

const LANCZOS_N: usize = 13;
// g, exactly: a dyadic rational, written out in full.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;

/// The numerator of the Lanczos sum as a rational function.
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// Its denominator: x * (x+1) * ... * (x+11), by powers of x.
const LANCZOS_DEN: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// gamma(n) for n = 1..=23, exact.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// sin(pi * x) for finite x, accurate near integers (the reflection
/// formula's denominator).
fn sinpi(x: f64) -> f64 {
    let y = libm::fmod(x.abs(), 2.0);
    // 0 <= n <= 4: which quarter-turn y is nearest.
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        // Not -sin(pi * (y - 1.0)), which would give -0.0 for y == 1.0.
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// The Lanczos sum L_g(x) for x > 0; for x >= 5 numerator and denominator
/// are scaled by x**(1 - N), a rational function in 1/x, to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `math.gamma(x)` (CPython's `m_tgamma`).
pub(super) fn tgamma(x: f64) -> Result<f64, Fault> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(Fault::Domain) };
    }
    if x == 0.0 {
        // A pole: +-inf, divide-by-zero.
        return Err(Fault::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(Fault::Domain);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        // gamma(x) ~ 1/x near 0.
        let r = 1.0 / x;
        return if r.is_infinite() { Err(Fault::Range) } else { Ok(r) };
    }
    if absx > 200.0 {
        // Overflows for x > 200; underflows to +-0 for x < -200.
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(Fault::Range) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, corrected for below: pow(y, x - 0.5) /
    // exp(y) is off by a factor of about 1 + z.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(Fault::Range);
    }
    Ok(r)
}

/// `math.lgamma(x)`: log(|gamma(x)|) (CPython's `m_lgamma`).
pub(super) fn lgamma(x: f64) -> Result<f64, Fault> {
    if !x.is_finite() {
        // lgamma(nan) = nan, lgamma(+-inf) = +inf.
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        // A pole at each integer n <= 0; lgamma(1) = lgamma(2) = 0.
        return if x <= 0.0 { Err(Fault::Domain) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        // The reflection formula.
        r = LOG_PI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    if r.is_infinite() {
        return Err(Fault::Range);
    }
    Ok(r)
}
