//! Array arguments: numpy arrays of the solver's own element type are borrowed without
//! copying; other integer or float arrays and Python sequences are converted, with a
//! `ValueError` naming the argument and the position of a value that does not fit.

use numpy::{
    PyArray1, PyArrayDescrMethods, PyArrayMethods, PyReadonlyArray1, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// A slice borrowed from a numpy array, or converted into an owned vector.
pub enum Slice<'py, T: numpy::Element> {
    /// A contiguous numpy array of element type `T`, read in place.
    Borrowed(PyReadonlyArray1<'py, T>),
    /// Values converted from another dtype or a Python sequence.
    Owned(Vec<T>),
}

impl<T: numpy::Element> Slice<'_, T> {
    /// The values.
    pub fn as_slice(&self) -> &[T] {
        match self {
            Slice::Borrowed(array) => array
                .as_slice()
                .expect("only contiguous arrays are borrowed"),
            Slice::Owned(values) => values,
        }
    }
}

/// Reads a one-dimensional array of non-negative integers that fit in a `u32` (node indices or
/// capacities); `what` names a value in messages ("an index", "a capacity").
pub fn unsigned<'py>(name: &str, what: &str, ob: &Bound<'py, PyAny>) -> PyResult<Slice<'py, u32>> {
    if let Ok(array) = ob.cast::<PyArray1<u32>>() {
        let array = array.readonly();
        if array.as_slice().is_ok() {
            return Ok(Slice::Borrowed(array));
        }
    }
    let wide = integers(name, ob)?;
    let mut values = Vec::with_capacity(wide.len());
    for (i, value) in wide.into_iter().enumerate() {
        if value < 0 {
            return Err(PyValueError::new_err(format!(
                "{name}[{i}] is {value}: {what} cannot be negative"
            )));
        }
        let value = u32::try_from(value).map_err(|_| {
            PyValueError::new_err(format!(
                "{name}[{i}] is {value}: {what} must be at most {}",
                u32::MAX
            ))
        })?;
        values.push(value);
    }
    Ok(Slice::Owned(values))
}

/// Reads a one-dimensional array of finite or non-finite floats (the solver checks finiteness,
/// naming the edge).
pub fn floats<'py>(name: &str, ob: &Bound<'py, PyAny>) -> PyResult<Slice<'py, f64>> {
    if let Ok(array) = ob.cast::<PyArray1<f64>>() {
        let array = array.readonly();
        if array.as_slice().is_ok() {
            return Ok(Slice::Borrowed(array));
        }
    }
    if let Ok(array) = ob.cast::<PyUntypedArray>() {
        check_one_dimensional(name, array)?;
        let kind = array.dtype().kind();
        if !matches!(kind, b'i' | b'u' | b'f') {
            return Err(PyValueError::new_err(format!(
                "{name} must hold numbers, not values of dtype {}",
                dtype_name(array)
            )));
        }
        let converted = array
            .call_method1("astype", ("float64",))?
            .cast_into::<PyArray1<f64>>()
            .map_err(PyErr::from)?;
        return Ok(Slice::Owned(converted.readonly().as_array().to_vec()));
    }
    sequence(name, ob, "numbers").map(Slice::Owned)
}

/// Edge weights as the caller gave them: whole numbers stay `i64` (solved exactly), anything
/// else is `f64`.
pub enum Weights<'py> {
    /// An integer or bool array, or a sequence of Python ints and bools.
    Integer(Slice<'py, i64>),
    /// A float array, or a sequence with at least one float.
    Float(Slice<'py, f64>),
}

/// Reads edge weights: a float array is borrowed as `f64`; an `int64` array is borrowed as
/// `i64`; other integer and bool arrays (bools as 0 and 1, as scipy takes them) and sequences
/// of Python ints are converted to `i64`, with a `ValueError` naming the position of a value
/// outside 64 bits; a sequence with floats is read as `f64`.
pub fn weights<'py>(name: &str, ob: &Bound<'py, PyAny>) -> PyResult<Weights<'py>> {
    if let Ok(array) = ob.cast::<PyArray1<i64>>() {
        let array = array.readonly();
        if array.as_slice().is_ok() {
            return Ok(Weights::Integer(Slice::Borrowed(array)));
        }
    }
    if let Ok(array) = ob.cast::<PyUntypedArray>() {
        check_one_dimensional(name, array)?;
        if let Ok(bools) = array.cast::<PyArray1<bool>>() {
            let values = bools
                .readonly()
                .as_array()
                .iter()
                .map(|&v| i64::from(v))
                .collect();
            return Ok(Weights::Integer(Slice::Owned(values)));
        }
        if matches!(array.dtype().kind(), b'i' | b'u') {
            let wide = integers(name, ob)?;
            return narrow(name, wide).map(|values| Weights::Integer(Slice::Owned(values)));
        }
        return floats(name, ob).map(Weights::Float);
    }
    if ob.is_instance_of::<pyo3::types::PyString>() || ob.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(PyValueError::new_err(format!(
            "{name} must be an array or a sequence of numbers, not a string"
        )));
    }
    let items: Vec<Bound<'py, PyAny>> = ob
        .try_iter()
        .map_err(|_| {
            PyValueError::new_err(format!(
                "{name} must be an array or a sequence of numbers, not {}",
                type_name(ob)
            ))
        })?
        .collect::<PyResult<_>>()?;
    let is_integer = |item: &Bound<'py, PyAny>| {
        item.is_instance_of::<pyo3::types::PyInt>() || item.hasattr("__index__").unwrap_or(false)
    };
    if items.iter().all(is_integer) {
        let mut values = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            values.push(item.extract::<i64>().map_err(|_| {
                PyValueError::new_err(format!(
                    "{name}[{i}] is an integer outside 64 bits: integer weights must lie \
                     between -2**63 and 2**63 - 1 (divide them by a common factor)"
                ))
            })?);
        }
        return Ok(Weights::Integer(Slice::Owned(values)));
    }
    let mut values = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let value = item.extract::<f64>().map_err(|_| {
            let reason = if is_integer(item) {
                "is an integer too large for a float".to_owned()
            } else {
                format!("must be a number, not {}", type_name(item))
            };
            PyValueError::new_err(format!("{name}[{i}] {reason}"))
        })?;
        values.push(value);
    }
    Ok(Weights::Float(Slice::Owned(values)))
}

/// Narrows widened integers to `i64`, naming the first that does not fit.
fn narrow(name: &str, wide: Vec<i128>) -> PyResult<Vec<i64>> {
    wide.into_iter()
        .enumerate()
        .map(|(i, value)| {
            i64::try_from(value).map_err(|_| {
                PyValueError::new_err(format!(
                    "{name}[{i}] is an integer outside 64 bits: integer weights must lie \
                     between -2**63 and 2**63 - 1"
                ))
            })
        })
        .collect()
}

/// Reads a scalar count or seed: a non-negative Python int (or anything with `__index__`, such
/// as a numpy integer) up to `max`. A bool, a float, a negative or too large value is a
/// `ValueError` naming the argument.
pub fn non_negative(name: &str, ob: &Bound<'_, PyAny>, max: u64) -> PyResult<u64> {
    let expected = || {
        format!(
            "{name} must be a non-negative integer, not {}",
            type_name(ob)
        )
    };
    if ob.is_instance_of::<pyo3::types::PyBool>() || !ob.hasattr("__index__")? {
        return Err(PyValueError::new_err(expected()));
    }
    let index = ob
        .call_method0("__index__")
        .map_err(|_| PyValueError::new_err(expected()))?;
    if index.lt(0)? {
        return Err(PyValueError::new_err(format!(
            "{name} is negative: it must be a non-negative integer"
        )));
    }
    index
        .extract::<u64>()
        .ok()
        .filter(|&value| value <= max)
        .ok_or_else(|| PyValueError::new_err(format!("{name} is too large: at most {max}")))
}

/// Reads a count (a number of nodes, a size) as [`non_negative`] does.
pub fn count(name: &str, ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    let max = u64::try_from(usize::MAX).unwrap_or(u64::MAX);
    let value = non_negative(name, ob, max)?;
    Ok(usize::try_from(value).expect("invariant: at most usize::MAX"))
}

/// Reads a one-dimensional array of integers of any integer dtype, or a sequence of ints.
fn integers(name: &str, ob: &Bound<'_, PyAny>) -> PyResult<Vec<i128>> {
    if let Ok(array) = ob.cast::<PyUntypedArray>() {
        check_one_dimensional(name, array)?;
        macro_rules! widen {
            ($($t:ty),*) => {$(
                if let Ok(typed) = array.cast::<PyArray1<$t>>() {
                    return Ok(typed.readonly().as_array().iter().map(|&v| i128::from(v)).collect());
                }
            )*};
        }
        widen!(i64, i32, u32, u64, i16, u16, i8, u8);
        return Err(PyValueError::new_err(format!(
            "{name} must hold integers, not values of dtype {}",
            dtype_name(array)
        )));
    }
    let values: Vec<i64> = sequence(name, ob, "integers")?;
    Ok(values.into_iter().map(i128::from).collect())
}

/// Extracts a Python sequence (list, tuple, ...) whose items convert to `T`.
fn sequence<'py, T: FromPyObjectOwned<'py>>(
    name: &str,
    ob: &Bound<'py, PyAny>,
    kind: &str,
) -> PyResult<Vec<T>> {
    if ob.is_instance_of::<pyo3::types::PyString>() || ob.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(PyValueError::new_err(format!(
            "{name} must be an array or a sequence of {kind}, not a string"
        )));
    }
    let items = ob.try_iter().map_err(|_| {
        PyValueError::new_err(format!(
            "{name} must be an array or a sequence of {kind}, not {}",
            type_name(ob)
        ))
    })?;
    let mut values = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        let value = item.extract::<T>().map_err(|_| {
            PyValueError::new_err(format!(
                "{name}[{i}] must be one of {kind}, not {}",
                type_name(&item)
            ))
        })?;
        values.push(value);
    }
    Ok(values)
}

fn check_one_dimensional(name: &str, array: &Bound<'_, PyUntypedArray>) -> PyResult<()> {
    if array.ndim() == 1 {
        Ok(())
    } else {
        Err(PyValueError::new_err(format!(
            "{name} must be one-dimensional, not of shape {:?}",
            array.shape()
        )))
    }
}

fn dtype_name(array: &Bound<'_, PyUntypedArray>) -> String {
    array
        .dtype()
        .str()
        .map_or_else(|_| "unknown".to_owned(), |s| s.to_string())
}

fn type_name(ob: &Bound<'_, PyAny>) -> String {
    ob.get_type()
        .name()
        .map_or_else(|_| "unknown".to_owned(), |s| s.to_string())
}
