package io.thanosjava.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The public API surface of a set of packages, read by reflection, and the types it mentions that lie
 * outside the allowed packages: in super types, type parameter bounds, record components and every
 * public or protected constructor, method (return, parameters, exceptions) and field, generic type
 * arguments and wildcard bounds included.
 */
final class ApiSurface {
    /** The packages whose public types make up the API. */
    static final List<String> PUBLIC_PACKAGES = List.of("io.thanosjava.engine", "io.thanosjava.engine.storage");

    private ApiSurface() {
    }

    /** Whether a public signature may mention {@code type}. */
    static boolean allowed(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.equals("java") || pkg.startsWith("java.")
                || PUBLIC_PACKAGES.contains(pkg)
                || pkg.equals("io.thanosjava.model") || pkg.startsWith("io.thanosjava.model.")
                || pkg.equals("io.thanosjava.promql") || pkg.startsWith("io.thanosjava.promql.")
                || type.getName().equals("io.micrometer.core.instrument.MeterRegistry");
    }

    /** Every type of the public packages that code outside them can see (public, or protected inside such a type). */
    static List<Class<?>> publicTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : PUBLIC_PACKAGES) {
            for (Class<?> c : classesOf(pkg)) {
                if (visible(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean visible(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        Class<?> enclosing = c.getEnclosingClass();
        if (enclosing == null) {
            return Modifier.isPublic(c.getModifiers());
        }
        return (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) && visible(enclosing);
    }

    /** The classes compiled into {@code pkg} (not its subpackages), nested ones included. */
    private static List<Class<?>> classesOf(String pkg) {
        Path dir;
        try {
            dir = Path.of(Querier.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(pkg.replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String file = f.getFileName().toString();
                if (file.endsWith(".class") && !file.equals("package-info.class")) {
                    out.add(Class.forName(pkg + "." + file.substring(0, file.length() - 6), false,
                            ApiSurface.class.getClassLoader()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Descriptions of every mention of a disallowed type in {@code type}'s visible signatures. */
    static List<String> leaks(Class<?> type) {
        List<String> out = new ArrayList<>();
        String name = type.getName();
        check(type.getGenericSuperclass(), name + " extends", out);
        for (Type t : type.getGenericInterfaces()) {
            check(t, name + " implements", out);
        }
        for (TypeVariable<?> v : type.getTypeParameters()) {
            check(v, name + " type parameter " + v.getName(), out);
        }
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                check(rc.getGenericType(), name + " record component " + rc.getName(), out);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f)) {
                check(f.getGenericType(), name + "." + f.getName(), out);
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c)) {
                checkExecutable(c, name + ".<init>", out);
            }
        }
        Set<Method> methods = new HashSet<>(List.of(type.getMethods()));
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m)) {
                methods.add(m);
            }
        }
        for (Method m : methods) {
            if (m.isSynthetic() || m.isBridge()) {
                continue;
            }
            String where = name + "." + m.getName();
            check(m.getGenericReturnType(), where + " returns", out);
            checkExecutable(m, where, out);
        }
        return out;
    }

    private static boolean visible(Member m) {
        return !m.isSynthetic() && (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()));
    }

    private static void checkExecutable(Executable e, String where, List<String> out) {
        for (TypeVariable<?> v : e.getTypeParameters()) {
            check(v, where + " type parameter " + v.getName(), out);
        }
        for (Type t : e.getGenericParameterTypes()) {
            check(t, where + " parameter", out);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(t, where + " throws", out);
        }
    }

    private static void check(Type t, String where, List<String> out) {
        walk(t, where, out, new HashSet<>());
    }

    private static void walk(Type t, String where, List<String> out, Set<TypeVariable<?>> seen) {
        if (t == null) {
            return;
        }
        if (t instanceof Class<?> c) {
            if (c.isArray()) {
                walk(c.getComponentType(), where, out, seen);
            } else if (!c.isPrimitive() && !allowed(c)) {
                out.add(where + ": " + c.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            walk(p.getRawType(), where, out, seen);
            walk(p.getOwnerType(), where, out, seen);
            for (Type arg : p.getActualTypeArguments()) {
                walk(arg, where + " (type argument)", out, seen);
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                walk(b, where + " (wildcard bound)", out, seen);
            }
            for (Type b : w.getLowerBounds()) {
                walk(b, where + " (wildcard bound)", out, seen);
            }
        } else if (t instanceof TypeVariable<?> v) {
            if (seen.add(v)) {
                for (Type b : v.getBounds()) {
                    walk(b, where + " (bound of " + v.getName() + ")", out, seen);
                }
            }
        } else if (t instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), where, out, seen);
        } else {
            throw new IllegalArgumentException("unknown kind of type " + t);
        }
    }
}
