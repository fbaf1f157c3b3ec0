package dev.migrationguard.model.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The objects of a {@link PhysicalSchema} by key, in the order they were added: an unmodifiable map whose
 * {@link #plus} and {@link #minus} give a new map that shares all but a logarithmic part of this one. A replay adds
 * its schema's objects one operation at a time; copying the whole map for each made replaying thousands of
 * {@code CREATE TABLE}s quadratic. Model depends on the JDK alone, hence two small persistent AVL trees here rather
 * than a collections library: one from key to the object's place in the order, one from place to entry.
 *
 * @param <V> the objects
 */
final class KeyedObjects<V> extends AbstractMap<String, V> {
    private static final KeyedObjects<?> EMPTY = new KeyedObjects<>(null, null, null, 0, Long.MIN_VALUE);
    private static final Comparator<String> BY_KEY = Comparator.naturalOrder();
    private static final Comparator<Long> BY_PLACE = Comparator.naturalOrder();

    /** The dialect the keys were derived for; null only for the empty map, which suits every dialect. */
    private final Dialect dialect;
    private final Node<String, Long> places;
    private final Node<Long, Map.Entry<String, V>> entries;
    private final int size;
    private final long next;

    private KeyedObjects(Dialect dialect, Node<String, Long> places, Node<Long, Map.Entry<String, V>> entries, int size,
                         long next) {
        this.dialect = dialect;
        this.places = places;
        this.entries = entries;
        this.size = size;
        this.next = next;
    }

    @SuppressWarnings("unchecked")
    static <V> KeyedObjects<V> empty() {
        return (KeyedObjects<V>) EMPTY;
    }

    /** Whether the keys were derived for {@code d}, so that a schema of that dialect may take the map as it is. */
    boolean keyedFor(Dialect d) {
        return size == 0 || dialect == d;
    }

    /** This map with {@code value} at {@code key}, in the key's old place when it was there, else last. */
    KeyedObjects<V> plus(Dialect d, String key, V value) {
        Long place = Node.get(places, key, BY_KEY);
        Map.Entry<String, V> entry = new AbstractMap.SimpleImmutableEntry<>(key, value);
        if (place != null) {
            return new KeyedObjects<>(d, places, Node.put(entries, place, entry, BY_PLACE), size, next);
        }
        return new KeyedObjects<>(d, Node.put(places, key, next, BY_KEY), Node.put(entries, next, entry, BY_PLACE),
                size + 1, next + 1);
    }

    /** This map without {@code key}. */
    KeyedObjects<V> minus(String key) {
        Long place = Node.get(places, key, BY_KEY);
        if (place == null) return this;
        if (size == 1) return empty();
        return new KeyedObjects<>(dialect, Node.remove(places, key, BY_KEY), Node.remove(entries, place, BY_PLACE),
                size - 1, next);
    }

    @Override
    public V get(Object key) {
        if (!(key instanceof String k)) return null;
        Long place = Node.get(places, k, BY_KEY);
        return place == null ? null : Node.get(entries, place, BY_PLACE).getValue();
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String k && Node.get(places, k, BY_KEY) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return Node.values(entries);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * A node of an immutable AVL tree; a change copies the path to it (OCaml's {@code Map}, whose balance allows the
     * heights of two siblings to differ by two).
     */
    private static final class Node<K, T> {
        private final K key;
        private final T value;
        private final Node<K, T> left;
        private final Node<K, T> right;
        private final int height;

        private Node(K key, T value, Node<K, T> left, Node<K, T> right, int height) {
            this.key = key;
            this.value = value;
            this.left = left;
            this.right = right;
            this.height = height;
        }

        static <K, T> Node<K, T> of(K key, T value, Node<K, T> left, Node<K, T> right) {
            return new Node<>(key, value, left, right, Math.max(height(left), height(right)) + 1);
        }

        static int height(Node<?, ?> n) {
            return n == null ? 0 : n.height;
        }

        static <K, T> T get(Node<K, T> n, K key, Comparator<K> order) {
            while (n != null) {
                int c = order.compare(key, n.key);
                if (c == 0) return n.value;
                n = c < 0 ? n.left : n.right;
            }
            return null;
        }

        static <K, T> Node<K, T> put(Node<K, T> n, K key, T value, Comparator<K> order) {
            if (n == null) return new Node<>(key, value, null, null, 1);
            int c = order.compare(key, n.key);
            if (c == 0) return new Node<>(key, value, n.left, n.right, n.height);
            return c < 0 ? balance(n.key, n.value, put(n.left, key, value, order), n.right)
                    : balance(n.key, n.value, n.left, put(n.right, key, value, order));
        }

        static <K, T> Node<K, T> remove(Node<K, T> n, K key, Comparator<K> order) {
            if (n == null) return null;
            int c = order.compare(key, n.key);
            if (c < 0) return balance(n.key, n.value, remove(n.left, key, order), n.right);
            if (c > 0) return balance(n.key, n.value, n.left, remove(n.right, key, order));
            if (n.left == null) return n.right;
            if (n.right == null) return n.left;
            Node<K, T> first = n.right;
            while (first.left != null) first = first.left;
            return balance(first.key, first.value, n.left, removeFirst(n.right));
        }

        private static <K, T> Node<K, T> removeFirst(Node<K, T> n) {
            return n.left == null ? n.right : balance(n.key, n.value, removeFirst(n.left), n.right);
        }

        private static <K, T> Node<K, T> balance(K key, T value, Node<K, T> l, Node<K, T> r) {
            int hl = height(l);
            int hr = height(r);
            if (hl > hr + 2) {
                if (height(l.left) >= height(l.right)) return of(l.key, l.value, l.left, of(key, value, l.right, r));
                Node<K, T> lr = l.right;
                return of(lr.key, lr.value, of(l.key, l.value, l.left, lr.left), of(key, value, lr.right, r));
            }
            if (hr > hl + 2) {
                if (height(r.right) >= height(r.left)) return of(r.key, r.value, of(key, value, l, r.left), r.right);
                Node<K, T> rl = r.left;
                return of(rl.key, rl.value, of(key, value, l, rl.left), of(r.key, r.value, rl.right, r.right));
            }
            return of(key, value, l, r);
        }

        /** The values in key order. */
        static <K, T> Iterator<T> values(Node<K, T> root) {
            return new Iterator<>() {
                private final Deque<Node<K, T>> path = new ArrayDeque<>();

                {
                    descend(root);
                }

                private void descend(Node<K, T> n) {
                    for (; n != null; n = n.left) path.push(n);
                }

                @Override
                public boolean hasNext() {
                    return !path.isEmpty();
                }

                @Override
                public T next() {
                    if (path.isEmpty()) throw new NoSuchElementException();
                    Node<K, T> n = path.pop();
                    descend(n.right);
                    return n.value;
                }
            };
        }
    }
}
