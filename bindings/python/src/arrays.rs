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
