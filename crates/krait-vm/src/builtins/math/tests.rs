//! Unit tests of the math module's own algorithms (the run programs under
//! tests/run/math compare every function with CPython).

use dashu_int::IBig;

use super::{gamma, integer, real};

#[test]
fn frexp_big_rounds_half_to_even() {
    // 2**100 + 2**47 is half-way between two doubles: it rounds to even (down).
    let n = (IBig::ONE << 100) + (IBig::ONE << 47);
    assert_eq!(integer::frexp_big(&n), (0.5, 101));
    // One more makes it nearer the double above.
    let up = &n + IBig::ONE;
    assert_eq!(integer::frexp_big(&up), (0.5 + f64::EPSILON / 2.0, 101));
    // All ones rounds up to the next power of two.
    let ones = (IBig::ONE << 2000) - IBig::ONE;
    assert_eq!(integer::frexp_big(&ones), (0.5, 2001));
    assert_eq!(integer::frexp_big(&IBig::from(3)), (0.75, 2));
}

#[test]
fn remainder_ties_go_to_even() {
    assert_eq!(real::remainder(5.0, 2.0), 1.0);
    assert_eq!(real::remainder(7.0, 2.0), -1.0);
    assert_eq!(real::remainder(-5.0, 2.0), -1.0);
    assert!(real::remainder(f64::INFINITY, 1.0).is_nan());
    assert_eq!(real::remainder(3.0, f64::INFINITY), 3.0);
    assert!(real::remainder(1.0, 0.0).is_nan());
}

#[test]
fn atan2_special_values() {
    use std::f64::consts::PI;
    assert_eq!(real::atan2(f64::INFINITY, f64::NEG_INFINITY), 0.75 * PI);
    assert_eq!(real::atan2(-0.0, -1.0), -PI);
    assert_eq!(real::atan2(0.0, 0.0).to_bits(), 0.0f64.to_bits());
}

#[test]
fn gamma_of_integers_and_poles() {
    assert_eq!(gamma::tgamma(5.0).ok(), Some(24.0));
    assert!(matches!(gamma::tgamma(-2.0), Err(real::Fault::Domain)));
    assert!(matches!(gamma::tgamma(171.7), Err(real::Fault::Range)));
    assert_eq!(gamma::lgamma(1.0).ok(), Some(0.0));
    assert!(matches!(gamma::lgamma(0.0), Err(real::Fault::Domain)));
    assert_eq!(gamma::lgamma(f64::NEG_INFINITY).ok(), Some(f64::INFINITY));
}

#[test]
fn ulp_of_extremes() {
    assert_eq!(real::ulp(1.0), f64::EPSILON);
    assert_eq!(real::ulp(-0.0), 5e-324);
    assert_eq!(real::ulp(f64::MAX), 2f64.powi(971));
}
