package io.playbooks.storage;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/** A data source whose connections fail when asked to prepare a statement containing a given SQL fragment. */
final class FailingDataSource {

    private FailingDataSource() {
    }

    static DataSource failingOn(DataSource real, String sqlFragment) {
        return proxy(DataSource.class, real, (method, args) -> {
            Object result = method.invoke(real, args);
            return "getConnection".equals(method.getName()) ? failingConnection((Connection) result, sqlFragment) : result;
        });
    }

    private static Connection failingConnection(Connection real, String sqlFragment) {
        return proxy(Connection.class, real, (method, args) -> {
            if (method.getName().equals("prepareStatement") && ((String) args[0]).contains(sqlFragment)) {
                throw new SQLException("simulated failure preparing: " + sqlFragment);
            }
            return method.invoke(real, args);
        });
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T real, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
