"""Ray tracer: a few spheres above a checkered floor, two point lights,
shadows and mirror reflections, rendered to a small image.

Size: number of frames rendered, the camera sliding sideways between frames
(work is linear in it). The output is a checksum of the 8-bit pixel values.
Exercises: small objects created and dropped at a high rate (a vector class
with __add__/__sub__/__mul__), method calls, float arithmetic, recursion
(reflections), isinstance-free polymorphism (each shape has `intersect`).
"""

import sys

DEFAULT_SIZE = 60

WIDTH = 40
HEIGHT = 30
MAX_DEPTH = 3
EPSILON = 1e-7
FAR = 1e30


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vec(self.y * other.z - self.z * other.y,
                   self.z * other.x - self.x * other.z,
                   self.x * other.y - self.y * other.x)

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self * (1.0 / self.length())

    def times(self, other):
        # Component-wise product, used to tint one colour by another.
        return Vec(self.x * other.x, self.y * other.y, self.z * other.z)


BLACK = Vec(0.0, 0.0, 0.0)


class Material:
    def __init__(self, colour, diffuse, specular, shininess, mirror, checker=None):
        self.colour = colour
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.mirror = mirror
        self.checker = checker

    def colour_at(self, point):
        if self.checker is None:
            return self.colour
        # Alternate colours on a 1x1 grid in the x-z plane.
        if (int(point.x + 1000.0) + int(point.z + 1000.0)) % 2 == 0:
            return self.colour
        return self.checker


class Sphere:
    def __init__(self, centre, radius, material):
        self.centre = centre
        self.radius2 = radius * radius
        self.material = material

    def intersect(self, origin, direction):
        # Nearest positive t with |origin + t*direction - centre| = radius,
        # direction being a unit vector; None when the ray misses.
        oc = origin - self.centre
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius2
        disc = b * b - c
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, normal, offset, material):
        self.normal = normal.normalized()
        self.offset = offset
        self.material = material

    def intersect(self, origin, direction):
        denom = self.normal.dot(direction)
        if -EPSILON < denom < EPSILON:
            return None
        t = (self.offset - self.normal.dot(origin)) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, colour):
        self.position = position
        self.colour = colour


class Scene:
    def __init__(self):
        red = Material(Vec(0.9, 0.2, 0.2), 0.8, 0.5, 32, 0.2)
        green = Material(Vec(0.2, 0.8, 0.3), 0.7, 0.3, 16, 0.1)
        glass = Material(Vec(0.6, 0.6, 0.9), 0.3, 0.9, 64, 0.6)
        floor = Material(Vec(0.9, 0.9, 0.9), 0.9, 0.0, 1, 0.15, Vec(0.1, 0.1, 0.1))
        self.shapes = [
            Sphere(Vec(0.0, 1.0, 0.0), 1.0, red),
            Sphere(Vec(-2.2, 0.7, 1.0), 0.7, green),
            Sphere(Vec(1.8, 1.3, -1.2), 1.3, glass),
            Sphere(Vec(0.6, 0.35, 1.8), 0.35, green),
            Plane(Vec(0.0, 1.0, 0.0), 0.0, floor),
        ]
        self.lights = [
            Light(Vec(-4.0, 6.0, 5.0), Vec(0.8, 0.8, 0.8)),
            Light(Vec(5.0, 4.0, 3.0), Vec(0.4, 0.35, 0.3)),
        ]
        self.ambient = Vec(0.08, 0.08, 0.1)
        self.sky = Vec(0.3, 0.45, 0.7)

    def nearest(self, origin, direction):
        best_t = FAR
        best = None
        for shape in self.shapes:
            t = shape.intersect(origin, direction)
            if t is not None and t < best_t:
                best_t = t
                best = shape
        return best, best_t

    def shadowed(self, point, to_light, distance):
        for shape in self.shapes:
            t = shape.intersect(point, to_light)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, origin, direction, depth):
        shape, t = self.nearest(origin, direction)
        if shape is None:
            # Sky: brighter towards the horizon.
            return self.sky * (1.0 - 0.5 * max(direction.y, 0.0))
        point = origin + direction * t
        normal = shape.normal_at(point)
        if normal.dot(direction) > 0.0:
            normal = -normal
        material = shape.material
        base = material.colour_at(point)
        colour = base.times(self.ambient)
        for light in self.lights:
            offset = light.position - point
            distance = offset.length()
            to_light = offset * (1.0 / distance)
            lambert = normal.dot(to_light)
            if lambert <= 0.0 or self.shadowed(point, to_light, distance):
                continue
            colour = colour + base.times(light.colour) * (lambert * material.diffuse)
            if material.specular > 0.0:
                half = (to_light - direction).normalized()
                highlight = normal.dot(half)
                if highlight > 0.0:
                    colour = colour + light.colour * (material.specular * highlight ** material.shininess)
        if depth < MAX_DEPTH and material.mirror > 0.0:
            bounce = direction - normal * (2.0 * normal.dot(direction))
            reflected = self.trace(point, bounce, depth + 1)
            colour = colour * (1.0 - material.mirror) + reflected * material.mirror
        return colour


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0 + 0.5)


def render(scene, eye, target):
    forward = (target - eye).normalized()
    right = forward.cross(Vec(0.0, 1.0, 0.0)).normalized()
    up = right.cross(forward)
    pixels = []
    for row in range(HEIGHT):
        v = 0.75 * (1.0 - 2.0 * (row + 0.5) / HEIGHT)
        for col in range(WIDTH):
            u = (2.0 * (col + 0.5) / WIDTH) - 1.0
            direction = (forward + right * u + up * v).normalized()
            c = scene.trace(eye, direction, 0)
            pixels.append((to_byte(c.x), to_byte(c.y), to_byte(c.z)))
    return pixels


def main():
    frames = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    scene = Scene()
    checksum = 0
    brightest = 0
    for frame in range(frames):
        eye = Vec(-1.5 + 0.1 * (frame % 30), 2.5, 7.0)
        pixels = render(scene, eye, Vec(0.0, 0.8, 0.0))
        for r, g, b in pixels:
            checksum = (checksum * 31 + r * 65536 + g * 256 + b) % 1000000007
            if r + g + b > brightest:
                brightest = r + g + b
    print("raytrace frames", frames, "of", WIDTH, "x", HEIGHT)
    print("brightest", brightest)
    print("checksum", checksum)


main()
