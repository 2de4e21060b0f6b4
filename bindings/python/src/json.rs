//! Plain Python values (dict, list, str, int, float, bool, None) to and from JSON values, so
//! that `from_dict` and `to_dict` go through the same serde model as JSON text.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Converts a Python value to JSON; `path` names the place in messages (`seekers[2].id`).
pub fn from_python(ob: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    convert(ob, path, 0)
}

/// Nesting deeper than this is refused, as serde_json refuses it in text: the conversion
/// recurses, and a hostile value nested ten thousand deep must not overflow the stack.
const MAX_DEPTH: usize = 128;

fn convert(ob: &Bound<'_, PyAny>, path: &str, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "{path}: nested too deeply (more than {MAX_DEPTH} levels)"
        )));
    }
    if ob.is_none() {
        Ok(Value::Null)
    } else if let Ok(b) = ob.cast::<PyBool>() {
        Ok(Value::Bool(b.is_true()))
    } else if ob.is_instance_of::<PyInt>() {
        if let Ok(i) = ob.extract::<i64>() {
            Ok(Value::from(i))
        } else if let Ok(u) = ob.extract::<u64>() {
            Ok(Value::from(u))
        } else {
            Err(PyValueError::new_err(format!(
                "{path}: integer out of the 64-bit range"
            )))
        }
    } else if let Ok(f) = ob.cast::<PyFloat>() {
        Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| PyValueError::new_err(format!("{path}: number is not finite")))
    } else if let Ok(s) = ob.cast::<PyString>() {
        Ok(Value::String(s.to_cow()?.into_owned()))
    } else if let Ok(dict) = ob.cast::<PyDict>() {
        let mut map = Map::new();
        for (key, value) in dict.iter() {
            let key: String = key
                .extract()
                .map_err(|_| PyTypeError::new_err(format!("{path}: a key is not a string")))?;
            let value = convert(&value, &format!("{path}.{key}"), depth + 1)?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    } else if ob.is_instance_of::<PyList>() || ob.is_instance_of::<PyTuple>() {
        ob.try_iter()?
            .enumerate()
            .map(|(i, item)| convert(&item?, &format!("{path}[{i}]"), depth + 1))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array)
    } else {
        Err(PyTypeError::new_err(format!(
            "{path}: a {} is not a JSON value",
            ob.get_type().name()?
        )))
    }
}

/// Converts JSON to plain Python values.
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64()
                    .expect("a JSON number is an i64, a u64 or an f64")
                    .into_pyobject(py)?
                    .into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}
